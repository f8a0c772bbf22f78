const fs = require('fs'); const os = require('os'); const path = require('path');
function f(items) {
  const d = path.join(os.tmpdir(), 'c5dir');
  for (const it of items) {
    try { fs.statSync(d); } catch { fs.mkdirSync(d); }
    fs.writeFileSync(path.join(d, it), it);
  }
  return fs.readdirSync(d).join(',');
}
console.log(f(['a', 'b']));
