// Windows: TEMP, TMP, then the system's own temp directory; a random directory per call, returned.
const { mkdtempSync } = require('fs');
const { join } = require('path');

function makeProfileDir() {
  const base = process.env.TEMP || process.env.TMP || (process.env.SystemRoot || process.env.windir) + '\\temp';
  const dir = mkdtempSync(join(base, 'profile-'));
  return dir;
}

module.exports = { makeProfileDir };
