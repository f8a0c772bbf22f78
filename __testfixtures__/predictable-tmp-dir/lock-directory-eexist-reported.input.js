const fs = require('fs');
const os = require('os');
const path = require('path');

// Only one release may run at a time: the directory is the lock.
function takeReleaseLock() {
  const lockDir = path.join(os.tmpdir(), 'release.lock');
  try {
    fs.mkdirSync(lockDir);
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
  process.on('exit', () => fs.rmdirSync(lockDir));
  return true;
}

module.exports = { takeReleaseLock };
