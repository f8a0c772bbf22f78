const fs = require('fs');
const os = require('os');
const path = require('path');

function writePair(a, b) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'pair-a-'));
  const first = path.resolve(privateDir.path, 'pair-a.txt');
  const second = path.posix.join(privateDir.path, 'pair-b.txt');
  fs.writeFileSync(first, a, { flag: 'wx', mode: 0o600 });
  fs.copyFileSync(first, second);
  return fs.readFileSync(second, 'utf8') === a;
}

module.exports = { writePair };
