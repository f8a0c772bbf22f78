const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Each uploader removes the staged file in its own callback: one branch runs, so one removal does.
function measureUpload(data, quick, done) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-staged-'));
  const staged = path.join(privateDir, 'upload-staged.png');
  fs.writeFileSync(staged, data, { flag: 'wx', mode: 0o600 });
  if (quick) {
    cp.execFile('wc', ['-c', staged], (err, out) => {
      fs.rmSync(privateDir, { recursive: true, force: true });
      done(err, err ? undefined : out.trim().split(/\s+/)[0]);
    });
  } else {
    cp.execFile('cat', [staged], (err, out) => {
      fs.rmSync(privateDir, { recursive: true, force: true });
      done(err, err ? undefined : String(out.length));
    });
  }
}

module.exports = { measureUpload };
