const fs = require('fs');
const os = require('os');
const path = require('path');

function exportKeys(keys, privateDir) {
  const keyFile = path.join(os.tmpdir(), 'keys.pem');
  fs.writeFileSync(keyFile, keys.join('\n'));
  fs.copyFileSync(keyFile, path.join(privateDir, 'keys.pem'));
  return fs.readFileSync(keyFile, 'utf8').length;
}

module.exports = { exportKeys };
