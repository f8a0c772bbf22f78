const fs = require('fs'); const path = require('path');
const tmp = require('tmp');
function f() {
  const privateDir = tmp.dirSync({ prefix: 'b10-', unsafeCleanup: true });
  try {
    const p = path.join(privateDir.name, 'b10.json');
    fs.writeFileSync(p, '1', { flag: 'wx', mode: 0o600 });
    try { fs.accessSync(p); } catch { fs.writeFileSync(p, '2', { mode: 0o600 }); }
    return fs.readFileSync(p, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
console.log(f());
