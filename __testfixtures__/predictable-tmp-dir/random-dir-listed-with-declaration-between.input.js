// A fresh randomly named directory per call, listed and left behind, with a plain declaration between.
const fs = require('fs');
const os = require('os');
const path = require('path');

function unpackInto(files) {
  const target = path.join(os.tmpdir(), 'unpacked-' + Math.random().toString(36).slice(2));
  const entries = Object.entries({ ...files });
  fs.mkdirSync(target);
  for (const [name, text] of entries) fs.writeFileSync(path.join(target, name), text);
  return fs.readdirSync(target).sort();
}

module.exports = { unpackInto };
