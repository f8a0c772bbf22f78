const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function packRelease(files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'files-'));
  const listFile = path.join(privateDir.path, 'files-' + process.pid + '.lst');
  const stampFile = path.join(privateDir.path, `stamp-${Date.now()}.txt`);
  fs.writeFileSync(listFile, files.join('\n'), { flag: 'wx', mode: 0o600 });
  fs.writeFileSync(stampFile, new Date().toISOString(), { flag: 'wx', mode: 0o600 });
  return execFileSync('wc', ['-l', listFile, stampFile], { encoding: 'utf8' });
}

module.exports = { packRelease };
