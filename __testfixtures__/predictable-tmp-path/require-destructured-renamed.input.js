const { writeFileSync: write, readFileSync: read } = require('fs');
const { tmpdir: scratchRoot } = require('os');
const { join: joinPath } = require('path');

function roundTripSettings(settings) {
  const settingsFile = joinPath(scratchRoot(), 'settings.ini');
  write(settingsFile, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n'));
  const lines = read(settingsFile, 'utf8').split('\n');
  if (lines.some((line) => line.startsWith('='))) {
    throw new Error('empty key');
  }
  return lines.length;
}

module.exports = { roundTripSettings };
