const fs = require('fs');
const path = require('path');
const os = require('os');
const f = (x) => {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'r1-'));
  return (fs.writeFileSync(path.join(privateDir.path, 'r1.txt'), x, { flag: 'wx', mode: 0o600 }), fs.readFileSync(path.join(privateDir.path, 'r1.txt'), 'utf8') /* done :) */);
};
function g(x) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'r2g-'));
  const p = privateDir.path + '/r2g.txt';
  fs.writeFileSync(p, x, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(p, 'utf8');
}
module.exports = { f, g };
