const fs = require('fs');
const os = require('os');
const path = require('path');

function writePair(a, b) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pair-a-'));
  try {
    const first = path.resolve(privateDir, 'pair-a.txt');
    const second = path.posix.join(privateDir, 'pair-b.txt');
    fs.writeFileSync(first, a, { flag: 'wx', mode: 0o600 });
    fs.copyFileSync(first, second);
    return fs.readFileSync(second, 'utf8') === a;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { writePair };
