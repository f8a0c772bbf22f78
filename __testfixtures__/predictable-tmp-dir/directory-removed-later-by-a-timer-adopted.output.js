const fs = require('fs');
const os = require('os');
const path = require('path');

// The directory becomes the private directory itself (mkdtemp), so the timer's recursive removal
// already removes the right thing: it must not become a removal of its parent, the temp directory.
function stageThenClean(contents, callback) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-then-clean-'));
  fs.writeFileSync(path.join(work, 'data.txt'), contents, { flag: 'wx', mode: 0o600 });
  const size = fs.statSync(path.join(work, 'data.txt')).size;
  setTimeout(() => {
    fs.rmSync(work, { recursive: true, force: true });
    callback(null, size);
  }, 5);
}

module.exports = { stageThenClean };
