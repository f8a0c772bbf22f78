const fs = require('fs');
const os = require('os');
const path = require('path');

// Either name, decided by a branch: both move into the private directory.
function work(d, big) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'small-'));
  let file = path.join(privateDir.path, 'small.txt');
  if (big) file = path.join(privateDir.path, 'big.txt');
  fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
  const back = fs.readFileSync(file, 'utf8');
  if (back === 'bad') throw new Error('bad input');
  return back.length;
}

module.exports = { work };
