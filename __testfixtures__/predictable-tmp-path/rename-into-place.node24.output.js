const fs = require('fs');
const os = require('os');
const path = require('path');

// "atomic" save: write a temp file, then move it over the target
function saveAtomically(target, contents) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'saveAtomically-'));
  const staging = path.join(privateDir.path, path.basename(target) + '.partial');
  fs.writeFileSync(staging, contents, { flag: 'wx', mode: 0o600 });
  fs.renameSync(staging, target);
}

module.exports = { saveAtomically };
