const fs = require('fs');
const os = require('os');
const path = require('path');

function settings(mode) {
  const p = path.join(os.tmpdir(), 'settings.json');
  if (!fs.existsSync(p)) {
    fs.writeFileSync(p, '{}');
  } else if (mode === 'reset') {
    fs.writeFileSync(p, '{}');
  }
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'scratch-'));
  const scratch = path.join(privateDir.path, 'scratch.txt');
  fs.writeFileSync(scratch, mode, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(p, 'utf8') + fs.readFileSync(scratch, 'utf8');
}

function clean(files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'clean-out-'));
  const out = path.join(privateDir.path, 'clean-out');
  if (fs.existsSync(out)) fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { mode: 0o700 });
  for (const f of files) fs.writeFileSync(path.join(out, f), f, { mode: 0o600 });
  return fs.readdirSync(out).length;
}

function escape(x) {
  fs.writeFileSync(path.join(os.tmpdir(), '..', 'etc-p1e'), x);
  return fs.readFileSync(path.join(os.tmpdir(), '..', 'etc-p1e'), 'utf8');
}
module.exports = { settings, clean, escape };
