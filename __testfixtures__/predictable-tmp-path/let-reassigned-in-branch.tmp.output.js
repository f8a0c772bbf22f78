const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// Either name, decided by a branch: both move into the private directory.
function work(d, big) {
  const privateDir = tmp.dirSync({ prefix: 'small-', unsafeCleanup: true });
  try {
    let file = path.join(privateDir.name, 'small.txt');
    if (big) file = path.join(privateDir.name, 'big.txt');
    fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
    const back = fs.readFileSync(file, 'utf8');
    if (back === 'bad') throw new Error('bad input');
    return back.length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { work };
