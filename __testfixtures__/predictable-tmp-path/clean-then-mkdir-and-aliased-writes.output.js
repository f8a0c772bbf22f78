const fs = require('fs');
const os = require('os');
const path = require('path');

function build(files) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'k1-build-'));
  try {
    const out = path.join(privateDir, 'k1-build');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true, mode: 0o700 });
    for (const f of files) fs.writeFileSync(path.join(out, f), f, { mode: 0o600 });
    return fs.readdirSync(out).length;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

function twice(x) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'j1b-'));
  try {
    const file = path.join(privateDir, 'j1b.json');
    const again = file;
    fs.writeFileSync(file, 'first', { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(again, x, { mode: 0o600 });
    fs.writeFileSync(path.join(privateDir, 'j1b.json'), x, { mode: 0o600 });
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
module.exports = { build, twice };
