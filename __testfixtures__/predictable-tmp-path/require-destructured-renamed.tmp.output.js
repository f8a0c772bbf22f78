const { writeFileSync: write, readFileSync: read } = require('fs');
const { join: joinPath } = require('path');
const tmp = require('tmp');

function roundTripSettings(settings) {
  const privateDir = tmp.dirSync({ prefix: 'settings-', unsafeCleanup: true });
  try {
    const settingsFile = joinPath(privateDir.name, 'settings.ini');
    write(settingsFile, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'), { flag: 'wx', mode: 0o600 });
    const lines = read(settingsFile, 'utf8').split('\n');
    if (lines.some((line) => line.startsWith('='))) {
      throw new Error('empty key');
    }
    return lines.length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { roundTripSettings };
