const fs = require('fs');
const os = require('os');
const path = require('path');

function work(d, done) {
  const file = path.join(os.tmpdir(), 'm5.txt');
  const step = (cb) => fs.writeFile(file, d, cb);
  step(() => done(fs.statSync(file).mode & 0o777));
}
work('x', (m) => console.log(m.toString(8)));
