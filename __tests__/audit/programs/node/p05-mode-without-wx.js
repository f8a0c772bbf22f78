// Pattern 5: an owner-only mode without 'wx' still follows a planted name.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function modeWithoutWx() {
  const file = path.join(os.tmpdir(), 'secret.txt');
  fs.writeFileSync(file, 'token', { mode: 0o600 }); // audit: insecure-creation
  const fd = fs.openSync(path.join(os.tmpdir(), 'secret.bin'), 'w', 0o600); // audit: insecure-creation
  fs.closeSync(fd);
  fs.unlinkSync(file);
  fs.unlinkSync(path.join(os.tmpdir(), 'secret.bin'));
};
