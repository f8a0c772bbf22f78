const fs = require('fs');
const os = require('os');
const path = require('path');

function build(files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'k1-build-'));
  const out = path.join(privateDir.path, 'k1-build');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true, mode: 0o700 });
  for (const f of files) fs.writeFileSync(path.join(out, f), f, { mode: 0o600 });
  return fs.readdirSync(out).length;
}

function twice(x) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'j1b-'));
  const file = path.join(privateDir.path, 'j1b.json');
  const again = file;
  fs.writeFileSync(file, 'first', { flag: 'wx', mode: 0o600 });
  fs.writeFileSync(again, x, { mode: 0o600 });
  fs.writeFileSync(path.join(privateDir.path, 'j1b.json'), x, { mode: 0o600 });
  return fs.readFileSync(file, 'utf8');
}
module.exports = { build, twice };
