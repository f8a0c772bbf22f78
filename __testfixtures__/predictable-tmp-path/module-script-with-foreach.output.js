const fs = require('fs'); const os = require('os'); const path = require('path');
const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm1-'));
try {
  const out = path.join(privateDir, 'm1.txt');
  fs.writeFileSync(out, '', { flag: 'wx', mode: 0o600 });
  ['a', 'b'].forEach((it) => fs.appendFileSync(out, it, { mode: 0o600 }));
  console.log(fs.readFileSync(out, 'utf8'));
} finally {
  fs.rmSync(privateDir, { recursive: true, force: true });
}
