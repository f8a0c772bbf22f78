const { writeFileSync: write, readFileSync: read, mkdtempDisposableSync } = require('fs');
const { tmpdir: scratchRoot } = require('os');
const { join: joinPath } = require('path');

function roundTripSettings(settings) {
  using privateDir = mkdtempDisposableSync(joinPath(scratchRoot(), 'settings-'));
  const settingsFile = joinPath(privateDir.path, 'settings.ini');
  write(settingsFile, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'), { flag: 'wx', mode: 0o600 });
  const lines = read(settingsFile, 'utf8').split('\n');
  if (lines.some((line) => line.startsWith('='))) {
    throw new Error('empty key');
  }
  return lines.length;
}

module.exports = { roundTripSettings };
