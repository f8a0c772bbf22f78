const path = require('path');
const tmp = require('tmp');
function a() { const { tmpdir } = require('os'); return tmpdir(); }
function b(data) {
  const fs = require('fs');
  const privateDir = tmp.dirSync({ prefix: 'w1-', unsafeCleanup: true });
  try {
    fs.writeFileSync(path.join(privateDir.name, 'w1.json'), data, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(path.join(privateDir.name, 'w1.json'), 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
module.exports = { a, b };
