const { writeFileSync, readFileSync, ...restFs } = require('fs');
const path = require('path');
const os = require('os');
const fs = require('fs');
function f(x) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-'));
  try {
    writeFileSync(path.join(privateDir, 'rest.txt'), x, { flag: 'wx', mode: 0o600 });
    return readFileSync(path.join(privateDir, 'rest.txt'), 'utf8') + Object.keys(restFs).length;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
module.exports = { f };
