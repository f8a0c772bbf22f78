const fs = require('fs');
const os = require('os');
const path = require('path');

function build(files) {
  const out = path.join(os.tmpdir(), 'k1-build');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(out, f), f);
  return fs.readdirSync(out).length;
}

function twice(x) {
  const file = path.join(os.tmpdir(), 'j1b.json');
  const again = file;
  fs.writeFileSync(file, 'first');
  fs.writeFileSync(again, x);
  fs.writeFileSync(path.join(os.tmpdir(), 'j1b.json'), x);
  return fs.readFileSync(file, 'utf8');
}
module.exports = { build, twice };
