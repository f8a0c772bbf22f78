const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function packRelease(files) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'files-'));
  try {
    const listFile = path.join(privateDir, 'files-' + process.pid + '.lst');
    const stampFile = path.join(privateDir, `stamp-${Date.now()}.txt`);
    fs.writeFileSync(listFile, files.join('\n'), { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(stampFile, new Date().toISOString(), { flag: 'wx', mode: 0o600 });
    return execFileSync('wc', ['-l', listFile, stampFile], { encoding: 'utf8' });
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { packRelease };
