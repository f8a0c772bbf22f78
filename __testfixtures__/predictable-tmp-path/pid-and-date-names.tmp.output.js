const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const tmp = require('tmp');

function packRelease(files) {
  const privateDir = tmp.dirSync({ prefix: 'files-', unsafeCleanup: true });
  try {
    const listFile = path.join(privateDir.name, 'files-' + process.pid + '.lst');
    const stampFile = path.join(privateDir.name, `stamp-${Date.now()}.txt`);
    fs.writeFileSync(listFile, files.join('\n'), { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(stampFile, new Date().toISOString(), { flag: 'wx', mode: 0o600 });
    return execFileSync('wc', ['-l', listFile, stampFile], { encoding: 'utf8' });
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { packRelease };
