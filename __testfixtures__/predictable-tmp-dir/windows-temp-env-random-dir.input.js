// Windows: TEMP, TMP, then the system's own temp directory; a random directory per call, returned.
const { mkdirSync } = require('fs');
const { join } = require('path');

function makeProfileDir() {
  const base = process.env.TEMP || process.env.TMP || (process.env.SystemRoot || process.env.windir) + '\\temp';
  const suffix = Math.floor(Math.random() * 9e7 + 1e7);
  const dir = join(base, 'profile-' + suffix);
  mkdirSync(dir, { recursive: true });
  return dir;
}

module.exports = { makeProfileDir };
