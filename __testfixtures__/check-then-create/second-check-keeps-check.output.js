const fs = require('fs'); const os = require('os'); const path = require('path');
function f() {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b10-'));
  try {
    const p = path.join(privateDir, 'b10.json');
    fs.writeFileSync(p, '1', { flag: 'wx', mode: 0o600 });
    try { fs.accessSync(p); } catch { fs.writeFileSync(p, '2', { mode: 0o600 }); }
    return fs.readFileSync(p, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
console.log(f());
