// A fresh randomly named directory per call, listed and left behind, with a plain declaration between.
const fs = require('fs');
const os = require('os');
const path = require('path');

function unpackInto(files) {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'unpacked-'));
  try {
    const entries = Object.entries({ ...files });
    for (const [name, text] of entries) fs.writeFileSync(path.join(target, name), text, { mode: 0o600 });
    return fs.readdirSync(target).sort();
  } finally {
    fs.rmSync(target, { recursive: true, force: true });
  }
}

module.exports = { unpackInto };
