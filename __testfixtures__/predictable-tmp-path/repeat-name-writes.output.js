const fs = require('fs');
const os = require('os');
const path = require('path');

function twoPass(source) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-pass-'));
  try {
    const work = path.join(privateDir, 'two-pass.js');
    fs.writeFileSync(work, source, { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(work, fs.readFileSync(work, 'utf8').replace(/var /g, 'let '), { mode: 0o600 });
    return fs.readFileSync(work, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { twoPass };
