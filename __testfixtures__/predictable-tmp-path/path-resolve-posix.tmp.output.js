const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function writePair(a, b) {
  const privateDir = tmp.dirSync({ prefix: 'pair-a-', unsafeCleanup: true });
  try {
    const first = path.resolve(privateDir.name, 'pair-a.txt');
    const second = path.posix.join(privateDir.name, 'pair-b.txt');
    fs.writeFileSync(first, a, { flag: 'wx', mode: 0o600 });
    fs.copyFileSync(first, second);
    return fs.readFileSync(second, 'utf8') === a;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { writePair };
