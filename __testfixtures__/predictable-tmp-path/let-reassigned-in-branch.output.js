const fs = require('fs');
const os = require('os');
const path = require('path');

// Either name, decided by a branch: both move into the private directory.
function work(d, big) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'small-'));
  try {
    let file = path.join(privateDir, 'small.txt');
    if (big) file = path.join(privateDir, 'big.txt');
    fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
    const back = fs.readFileSync(file, 'utf8');
    if (back === 'bad') throw new Error('bad input');
    return back.length;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { work };
