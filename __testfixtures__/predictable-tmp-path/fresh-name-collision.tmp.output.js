const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function exportKeys(keys, privateDir) {
  const privateDir2 = tmp.dirSync({ prefix: 'keys-', unsafeCleanup: true });
  try {
    const keyFile = path.join(privateDir2.name, 'keys.pem');
    fs.writeFileSync(keyFile, keys.join('\n'), { flag: 'wx', mode: 0o600 });
    fs.copyFileSync(keyFile, path.join(privateDir, 'keys.pem'));
    return fs.readFileSync(keyFile, 'utf8').length;
  } finally {
    privateDir2.removeCallback();
  }
}

module.exports = { exportKeys };
