const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, big) {
  let file = path.join(os.tmpdir(), 'small.txt');
  if (big) file = path.join(os.tmpdir(), 'big.txt');
  fs.writeFileSync(file, d);
  return fs.readFileSync(file, 'utf8');
}
console.log(work('s', false), work('b', true));
