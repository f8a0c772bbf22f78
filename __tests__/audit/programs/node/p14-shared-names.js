// Pattern 14: intentionally shared names. A lock taken with 'wx' is exclusive, but its default mode
// lets others read it; a pid file is written over whatever is there.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function sharedNames() {
  const lock = path.join(os.tmpdir(), 'app.lock');
  const fd = fs.openSync(lock, 'wx'); // audit: insecure-creation
  fs.closeSync(fd);
  const pidFile = path.join(os.tmpdir(), 'app.pid');
  fs.writeFileSync(pidFile, String(process.pid)); // audit: insecure-creation
  fs.unlinkSync(pidFile);
  fs.unlinkSync(lock);
};
