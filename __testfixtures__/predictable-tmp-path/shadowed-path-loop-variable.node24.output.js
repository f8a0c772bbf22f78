const fs = require('fs');
const path = require('path');
const nodePath = require('path');
const os = require('os');

function bundle(files) {
  const parts = [];
  for (const path of files) {
    using privateDir = fs.mkdtempDisposableSync(nodePath.join(os.tmpdir(), 'f1-part-'));
    fs.writeFileSync(nodePath.join(privateDir.path, 'f1-part.txt'), path, { flag: 'wx', mode: 0o600 });
    parts.push(fs.readFileSync(nodePath.join(privateDir.path, 'f1-part.txt'), 'utf8'));
  }
  return parts.join(',');
}
module.exports = { bundle };
