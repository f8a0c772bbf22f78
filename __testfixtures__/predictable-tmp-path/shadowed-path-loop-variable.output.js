const fs = require('fs');
const path = require('path');
const nodePath = require('path');
const os = require('os');

function bundle(files) {
  const parts = [];
  for (const path of files) {
    const privateDir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'f1-part-'));
    try {
      fs.writeFileSync(nodePath.join(privateDir, 'f1-part.txt'), path, { flag: 'wx', mode: 0o600 });
      parts.push(fs.readFileSync(nodePath.join(privateDir, 'f1-part.txt'), 'utf8'));
    } finally {
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  }
  return parts.join(',');
}
module.exports = { bundle };
