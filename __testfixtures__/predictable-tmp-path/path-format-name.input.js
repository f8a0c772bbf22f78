const fs = require('fs');
const os = require('os');
const path = require('path');

// path.format and path.posix build the same kind of name under the temp directory.
function roundTrip(name, value) {
  const p = path.format({ dir: os.tmpdir(), base: `${name}.json` });
  fs.writeFileSync(p, JSON.stringify(value));
  const copy = path.posix.join(os.tmpdir(), `${name}.copy.json`);
  fs.copyFileSync(p, copy);
  const back = JSON.parse(fs.readFileSync(copy, 'utf8'));
  if (back === null) throw new Error('null value');
  return back;
}

module.exports = { roundTrip };
