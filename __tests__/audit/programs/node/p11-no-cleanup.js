// Pattern 11: created safely, never removed: what is left behind is credited to its creation.
const fs = require('fs');
const os = require('os');
const path = require('path');
const tmp = require('tmp');

module.exports = function noCleanup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-')); // audit: left-behind
  fs.writeFileSync(path.join(dir, 'inside.txt'), 'private, but never removed');
  const file = tmp.fileSync({ prefix: 'kept-' }); // audit: left-behind
  fs.writeSync(file.fd, 'kept');
  fs.closeSync(file.fd);
};
