const { writeFileSync: write, readFileSync: read, mkdtempSync, rmSync } = require('fs');
const { tmpdir: scratchRoot } = require('os');
const { join: joinPath } = require('path');

function roundTripSettings(settings) {
  const privateDir = mkdtempSync(joinPath(scratchRoot(), 'settings-'));
  try {
    const settingsFile = joinPath(privateDir, 'settings.ini');
    write(settingsFile, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'), { flag: 'wx', mode: 0o600 });
    const lines = read(settingsFile, 'utf8').split('\n');
    if (lines.some((line) => line.startsWith('='))) {
      throw new Error('empty key');
    }
    return lines.length;
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { roundTripSettings };
