const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, done) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'm5-'));
  const file = path.join(privateDir, 'm5.txt');
  const step = (cb) => fs.writeFile(file, d, { mode: 0o600 }, cb);
  step(() => done(fs.statSync(file).mode & 0o777));
}
work('x', (m) => console.log(m.toString(8)));
