const fs = require('fs'); const os = require('os'); const path = require('path');
function f() {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'b10-'));
  const p = path.join(privateDir.path, 'b10.json');
  fs.writeFileSync(p, '1', { flag: 'wx', mode: 0o600 });
  try { fs.accessSync(p); } catch { fs.writeFileSync(p, '2', { mode: 0o600 }); }
  return fs.readFileSync(p, 'utf8');
}
console.log(f());
