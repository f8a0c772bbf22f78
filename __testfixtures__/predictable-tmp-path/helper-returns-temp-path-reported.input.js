const fs = require('fs');
const os = require('os');
const path = require('path');

function tmpFile(name) {
  return path.join(os.tmpdir(), name);
}
function run(d) {
  fs.writeFileSync(tmpFile('w2.txt'), d);
  return fs.readFileSync(tmpFile('w2.txt'), 'utf8');
}
console.log(run('w2'));
