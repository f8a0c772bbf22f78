const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function build(files) {
  const privateDir = tmp.dirSync({ prefix: 'k1-build-', unsafeCleanup: true });
  try {
    const out = path.join(privateDir.name, 'k1-build');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true, mode: 0o700 });
    for (const f of files) fs.writeFileSync(path.join(out, f), f, { mode: 0o600 });
    return fs.readdirSync(out).length;
  } finally {
    privateDir.removeCallback();
  }
}

function twice(x) {
  const privateDir = tmp.dirSync({ prefix: 'j1b-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'j1b.json');
    const again = file;
    fs.writeFileSync(file, 'first', { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(again, x, { mode: 0o600 });
    fs.writeFileSync(path.join(privateDir.name, 'j1b.json'), x, { mode: 0o600 });
    return fs.readFileSync(file, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
module.exports = { build, twice };
