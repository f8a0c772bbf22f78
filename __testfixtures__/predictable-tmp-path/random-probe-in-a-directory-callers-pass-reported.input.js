const fs = require('fs');
const os = require('os');
const crypto = require('crypto');

// Is dir writable? A probe file under a random name, written and removed.
function writableDir(dir) {
  if (!dir || !fs.existsSync(dir)) return false;
  const probe = dir + '/' + crypto.randomBytes(8).toString('hex');
  try {
    fs.writeFileSync(probe, ' ');
    fs.unlinkSync(probe);
    return dir;
  } catch (e) {
    return false;
  }
}

function findTempDir() {
  return writableDir(os.tmpdir()) || writableDir(process.env.SCRATCH) || writableDir('.');
}

module.exports = { findTempDir };
