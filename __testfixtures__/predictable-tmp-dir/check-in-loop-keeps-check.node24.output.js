const fs = require('fs'); const os = require('os'); const path = require('path');
function f(items) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'c5dir-'));
  const d = path.join(privateDir.path, 'c5dir');
  for (const it of items) {
    try { fs.statSync(d); } catch { fs.mkdirSync(d, { mode: 0o700 }); }
    fs.writeFileSync(path.join(d, it), it, { mode: 0o600 });
  }
  return fs.readdirSync(d).join(',');
}
console.log(f(['a', 'b']));
