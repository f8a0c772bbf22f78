const fs = require('fs');
const path = require('path');
const nodePath = require('path');
const tmp = require('tmp');

function bundle(files) {
  const parts = [];
  for (const path of files) {
    const privateDir = tmp.dirSync({ prefix: 'f1-part-', unsafeCleanup: true });
    try {
      fs.writeFileSync(nodePath.join(privateDir.name, 'f1-part.txt'), path, { flag: 'wx', mode: 0o600 });
      parts.push(fs.readFileSync(nodePath.join(privateDir.name, 'f1-part.txt'), 'utf8'));
    } finally {
      privateDir.removeCallback();
    }
  }
  return parts.join(',');
}
module.exports = { bundle };
