const fs = require('fs'); const os = require('os'); const path = require('path');
function f() {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'i1-'));
  try {
    const p = path.join(privateDir, 'i1.json');
    let made = false;
    try { fs.statSync(p, { throwIfNoEntry: false }); } catch {
      fs.writeFileSync(p, '{"n":1}', { flag: 'wx', mode: 0o600 });
      made = true;
    }
    fs.writeFileSync(p, 'second', { mode: 0o600 });
    return made + ':' + fs.readFileSync(p, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
console.log(f());
