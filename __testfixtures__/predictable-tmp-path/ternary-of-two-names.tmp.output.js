const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function work(d, big) {
  const privateDir = tmp.dirSync({ prefix: 'tb-', unsafeCleanup: true });
  try {
    const file = big ? path.join(privateDir.name, 'tb.txt') : path.join(privateDir.name, 'ts.txt');
    fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(file, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
console.log(work('s', false), work('b', true));
