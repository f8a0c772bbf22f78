const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, big) {
  const file = big ? path.join(os.tmpdir(), 'tb.txt') : path.join(os.tmpdir(), 'ts.txt');
  fs.writeFileSync(file, d);
  return fs.readFileSync(file, 'utf8');
}
console.log(work('s', false), work('b', true));
