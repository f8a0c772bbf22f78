const fs = require('fs');
const path = require('path');
const os = require('os');
function f(data, items) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'v1-'));
  fs.writeFileSync(path.join(privateDir.path, 'v1.json'), data, { flag: 'wx', mode: 0o600 });
  const out = fs.readFileSync(path.join(privateDir.path, 'v1.json'), 'utf8');
  for (const it of items) { const fs = it; console.log(fs); }
  return out;
}
module.exports = { f };
