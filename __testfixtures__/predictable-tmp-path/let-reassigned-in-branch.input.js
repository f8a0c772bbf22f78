const fs = require('fs');
const os = require('os');
const path = require('path');

// Either name, decided by a branch: both move into the private directory.
function work(d, big) {
  let file = path.join(os.tmpdir(), 'small.txt');
  if (big) file = path.join(os.tmpdir(), 'big.txt');
  fs.writeFileSync(file, d);
  const back = fs.readFileSync(file, 'utf8');
  if (back === 'bad') throw new Error('bad input');
  return back.length;
}

module.exports = { work };
