const fs = require('fs');
const os = require('os');
const path = require('path');
const tmp = require('tmp');

// A default "destination" that calls back with the shared temp directory.
function destination(cb) {
  cb(null, os.tmpdir());
}

function measureUpload(data) {
  let size = -1;
  destination((err, dir) => {
    const privateDir = tmp.dirSync({ prefix: 'upload-', unsafeCleanup: true });
    try {
      const file = path.join(privateDir.name, 'upload.bin');
      fs.writeFileSync(file, data, { flag: 'wx', mode: 0o600 });
      size = fs.statSync(file).size;
      if (size === 0) throw new Error('empty upload');
      fs.unlinkSync(file);
    } finally {
      privateDir.removeCallback();
    }
  });
  return size;
}

module.exports = { measureUpload };
