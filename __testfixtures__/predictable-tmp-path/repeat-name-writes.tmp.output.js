const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function twoPass(source) {
  const privateDir = tmp.dirSync({ prefix: 'two-pass-', unsafeCleanup: true });
  try {
    const work = path.join(privateDir.name, 'two-pass.js');
    fs.writeFileSync(work, source, { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(work, fs.readFileSync(work, 'utf8').replace(/var /g, 'let '), { mode: 0o600 });
    return fs.readFileSync(work, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { twoPass };
