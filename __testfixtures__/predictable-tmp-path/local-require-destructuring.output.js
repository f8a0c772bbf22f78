const path = require('path');
const os = require('os');
function a() { const { tmpdir } = require('os'); return tmpdir(); }
function b(data) {
  const fs = require('fs');
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'w1-'));
  try {
    fs.writeFileSync(path.join(privateDir, 'w1.json'), data, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(path.join(privateDir, 'w1.json'), 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
module.exports = { a, b };
