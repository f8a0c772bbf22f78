// A fresh randomly named directory per call, listed and left behind, with a plain declaration between.
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function unpackInto(files) {
  const privateDir = tmp.dirSync({ prefix: 'unpacked-', unsafeCleanup: true });
  try {
    const target = path.join(privateDir.name, 'unpacked-' + Math.random().toString(36).slice(2));
    const entries = Object.entries({ ...files });
    fs.mkdirSync(target, { mode: 0o700 });
    for (const [name, text] of entries) fs.writeFileSync(path.join(target, name), text, { mode: 0o600 });
    return fs.readdirSync(target).sort();
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { unpackInto };
