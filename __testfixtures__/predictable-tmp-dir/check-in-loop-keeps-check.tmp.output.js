const fs = require('fs'); const path = require('path');
const tmp = require('tmp');
function f(items) {
  const privateDir = tmp.dirSync({ prefix: 'c5dir-', unsafeCleanup: true });
  try {
    const d = path.join(privateDir.name, 'c5dir');
    for (const it of items) {
      try { fs.statSync(d); } catch { fs.mkdirSync(d, { mode: 0o700 }); }
      fs.writeFileSync(path.join(d, it), it, { mode: 0o600 });
    }
    return fs.readdirSync(d).join(',');
  } finally {
    privateDir.removeCallback();
  }
}
console.log(f(['a', 'b']));
