const path = require('path');
const os = require('os');
function a() { const { tmpdir } = require('os'); return tmpdir(); }
function b(data) {
  const fs = require('fs');
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'w1-'));
  fs.writeFileSync(path.join(privateDir.path, 'w1.json'), data, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(path.join(privateDir.path, 'w1.json'), 'utf8');
}
module.exports = { a, b };
