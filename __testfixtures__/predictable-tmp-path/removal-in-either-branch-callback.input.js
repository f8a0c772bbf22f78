const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Each uploader removes the staged file in its own callback: one branch runs, so one removal does.
function measureUpload(data, quick, done) {
  const staged = path.join(os.tmpdir(), 'upload-staged.png');
  fs.writeFileSync(staged, data);
  if (quick) {
    cp.execFile('wc', ['-c', staged], (err, out) => {
      fs.unlinkSync(staged);
      done(err, err ? undefined : out.trim().split(/\s+/)[0]);
    });
  } else {
    cp.execFile('cat', [staged], (err, out) => {
      fs.unlinkSync(staged);
      done(err, err ? undefined : String(out.length));
    });
  }
}

module.exports = { measureUpload };
