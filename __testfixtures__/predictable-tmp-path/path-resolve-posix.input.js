const fs = require('fs');
const os = require('os');
const path = require('path');

function writePair(a, b) {
  const first = path.resolve(os.tmpdir(), 'pair-a.txt');
  const second = path.posix.join(os.tmpdir(), 'pair-b.txt');
  fs.writeFileSync(first, a);
  fs.copyFileSync(first, second);
  return fs.readFileSync(second, 'utf8') === a;
}

module.exports = { writePair };
