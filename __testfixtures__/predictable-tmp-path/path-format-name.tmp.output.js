const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// path.format and path.posix build the same kind of name under the temp directory.
function roundTrip(name, value) {
  const privateDir = tmp.dirSync({ prefix: 'roundTrip-', unsafeCleanup: true });
  try {
    const p = path.format({ dir: privateDir.name, base: `${name}.json` });
    fs.writeFileSync(p, JSON.stringify(value), { flag: 'wx', mode: 0o600 });
    const copy = path.posix.join(privateDir.name, `${name}.copy.json`);
    fs.copyFileSync(p, copy);
    const back = JSON.parse(fs.readFileSync(copy, 'utf8'));
    if (back === null) throw new Error('null value');
    return back;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { roundTrip };
