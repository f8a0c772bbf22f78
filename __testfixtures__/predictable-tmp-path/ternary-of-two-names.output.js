const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, big) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-'));
  try {
    const file = big ? path.join(privateDir, 'tb.txt') : path.join(privateDir, 'ts.txt');
    fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
console.log(work('s', false), work('b', true));
