// Pattern 12: mkdtemp misuse. A prefix without a stem makes a sibling of the temp directory, which
// is outside it (so nothing is recorded); a literal prefix works but the directory is left behind.
const fs = require('fs');
const os = require('os');

module.exports = function mkdtempMisuse() {
  const sibling = fs.mkdtempSync(os.tmpdir());
  fs.rmdirSync(sibling);
  return fs.mkdtempSync(`${os.tmpdir()}/x`); // audit: left-behind
};
