const fs = require('fs');
const path = require('path');
const os = require('os');
function f(data, items) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'v1-'));
  try {
    fs.writeFileSync(path.join(privateDir, 'v1.json'), data, { flag: 'wx', mode: 0o600 });
    const out = fs.readFileSync(path.join(privateDir, 'v1.json'), 'utf8');
    for (const it of items) { const fs = it; console.log(fs); }
    return out;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
module.exports = { f };
