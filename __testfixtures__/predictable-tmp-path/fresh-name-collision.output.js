const fs = require('fs');
const os = require('os');
const path = require('path');

function exportKeys(keys, privateDir) {
  const privateDir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'keys-'));
  try {
    const keyFile = path.join(privateDir2, 'keys.pem');
    fs.writeFileSync(keyFile, keys.join('\n'), { flag: 'wx', mode: 0o600 });
    fs.copyFileSync(keyFile, path.join(privateDir, 'keys.pem'));
    return fs.readFileSync(keyFile, 'utf8').length;
  } finally {
    fs.rmSync(privateDir2, { recursive: true, force: true });
  }
}

module.exports = { exportKeys };
