const fs = require('fs');
const os = require('os');
const path = require('path');

// "atomic" save: write a temp file, then move it over the target
function saveAtomically(target, contents) {
  const staging = path.join(os.tmpdir(), path.basename(target) + '.partial');
  fs.writeFileSync(staging, contents);
  fs.renameSync(staging, target);
}

module.exports = { saveAtomically };
