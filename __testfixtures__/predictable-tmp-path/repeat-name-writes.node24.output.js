const fs = require('fs');
const os = require('os');
const path = require('path');

function twoPass(source) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'two-pass-'));
  const work = path.join(privateDir.path, 'two-pass.js');
  fs.writeFileSync(work, source, { flag: 'wx', mode: 0o600 });
  fs.writeFileSync(work, fs.readFileSync(work, 'utf8').replace(/var /g, 'let '), { mode: 0o600 });
  return fs.readFileSync(work, 'utf8');
}

module.exports = { twoPass };
