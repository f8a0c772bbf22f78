const fs = require('fs');
const os = require('os');
const path = require('path');

// A default "destination" that calls back with the shared temp directory.
function destination(cb) {
  cb(null, os.tmpdir());
}

function measureUpload(data) {
  let size = -1;
  destination((err, dir) => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));
    try {
      const file = path.join(privateDir, 'upload.bin');
      fs.writeFileSync(file, data, { flag: 'wx', mode: 0o600 });
      size = fs.statSync(file).size;
      if (size === 0) throw new Error('empty upload');
      fs.unlinkSync(file);
    } finally {
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  });
  return size;
}

module.exports = { measureUpload };
