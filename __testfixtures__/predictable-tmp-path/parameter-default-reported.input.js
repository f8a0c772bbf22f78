const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, out = path.join(os.tmpdir(), 'pdef.txt')) {
  fs.writeFileSync(out, d);
  return fs.readFileSync(out, 'utf8');
}
console.log(work('p'));
