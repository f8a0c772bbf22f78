const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// "atomic" save: write a temp file, then move it over the target
function saveAtomically(target, contents) {
  const privateDir = tmp.dirSync({ prefix: 'saveAtomically-', unsafeCleanup: true });
  try {
    const staging = path.join(privateDir.name, path.basename(target) + '.partial');
    fs.writeFileSync(staging, contents, { flag: 'wx', mode: 0o600 });
    fs.renameSync(staging, target);
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { saveAtomically };
