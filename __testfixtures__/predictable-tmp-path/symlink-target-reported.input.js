const fs = require('fs');
const os = require('os');
const path = require('path');

function linkBundle(publicDir, code) {
  const bundle = path.join(os.tmpdir(), 'app.bundle.js');
  fs.writeFileSync(bundle, code);
  const entry = path.join(publicDir, 'app.js');
  fs.rmSync(entry, { force: true });
  fs.symlinkSync(bundle, entry);
  return entry;
}

module.exports = { linkBundle };
