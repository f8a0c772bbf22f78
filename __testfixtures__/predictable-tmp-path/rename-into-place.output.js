const fs = require('fs');
const os = require('os');
const path = require('path');

// "atomic" save: write a temp file, then move it over the target
function saveAtomically(target, contents) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'saveAtomically-'));
  try {
    const staging = path.join(privateDir, path.basename(target) + '.partial');
    fs.writeFileSync(staging, contents, { flag: 'wx', mode: 0o600 });
    fs.renameSync(staging, target);
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { saveAtomically };
