const fs = require('fs'); const os = require('os'); const path = require('path');
function f() {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'i1-'));
  const p = path.join(privateDir.path, 'i1.json');
  let made = false;
  try { fs.statSync(p, { throwIfNoEntry: false }); } catch {
    fs.writeFileSync(p, '{"n":1}', { flag: 'wx', mode: 0o600 });
    made = true;
  }
  fs.writeFileSync(p, 'second', { mode: 0o600 });
  return made + ':' + fs.readFileSync(p, 'utf8');
}
console.log(f());
