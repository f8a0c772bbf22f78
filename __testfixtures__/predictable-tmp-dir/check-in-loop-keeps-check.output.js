const fs = require('fs'); const os = require('os'); const path = require('path');
function f(items) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'c5dir-'));
  try {
    const d = path.join(privateDir, 'c5dir');
    for (const it of items) {
      try { fs.statSync(d); } catch { fs.mkdirSync(d, { mode: 0o700 }); }
      fs.writeFileSync(path.join(d, it), it, { mode: 0o600 });
    }
    return fs.readdirSync(d).join(',');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
console.log(f(['a', 'b']));
