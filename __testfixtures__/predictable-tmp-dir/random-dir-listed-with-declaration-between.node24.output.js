// A fresh randomly named directory per call, listed and left behind, with a plain declaration between.
const fs = require('fs');
const os = require('os');
const path = require('path');

function unpackInto(files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'unpacked-'));
  const target = path.join(privateDir.path, 'unpacked-' + Math.random().toString(36).slice(2));
  const entries = Object.entries({ ...files });
  fs.mkdirSync(target, { mode: 0o700 });
  for (const [name, text] of entries) fs.writeFileSync(path.join(target, name), text, { mode: 0o600 });
  return fs.readdirSync(target).sort();
}

module.exports = { unpackInto };
