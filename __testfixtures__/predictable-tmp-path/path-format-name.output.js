const fs = require('fs');
const os = require('os');
const path = require('path');

// path.format and path.posix build the same kind of name under the temp directory.
function roundTrip(name, value) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundTrip-'));
  try {
    const p = path.format({ dir: privateDir, base: `${name}.json` });
    fs.writeFileSync(p, JSON.stringify(value), { flag: 'wx', mode: 0o600 });
    const copy = path.posix.join(privateDir, `${name}.copy.json`);
    fs.copyFileSync(p, copy);
    const back = JSON.parse(fs.readFileSync(copy, 'utf8'));
    if (back === null) throw new Error('null value');
    return back;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { roundTrip };
