const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, big) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'tb-'));
  const file = big ? path.join(privateDir.path, 'tb.txt') : path.join(privateDir.path, 'ts.txt');
  fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(file, 'utf8');
}
console.log(work('s', false), work('b', true));
