// Pattern 11, by design: a file made under a guessable name and returned, so nothing here removes
// it. The static rewrite secures it in a private directory that the caller must remove: what was left
// behind stays behind after the rewrite too, and the audit says so.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function returned() {
  const file = path.join(os.tmpdir(), `report-${process.pid}.txt`);
  fs.writeFileSync(file, 'kept for the caller'); // audit: insecure-creation, left-behind
  return file;
};
