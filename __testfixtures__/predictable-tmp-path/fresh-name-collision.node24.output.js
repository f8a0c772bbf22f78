const fs = require('fs');
const os = require('os');
const path = require('path');

function exportKeys(keys, privateDir) {
  using privateDir2 = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'keys-'));
  const keyFile = path.join(privateDir2.path, 'keys.pem');
  fs.writeFileSync(keyFile, keys.join('\n'), { flag: 'wx', mode: 0o600 });
  fs.copyFileSync(keyFile, path.join(privateDir, 'keys.pem'));
  return fs.readFileSync(keyFile, 'utf8').length;
}

module.exports = { exportKeys };
