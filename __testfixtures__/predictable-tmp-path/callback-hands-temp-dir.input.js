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
    const file = path.join(dir, 'upload.bin');
    fs.writeFileSync(file, data);
    size = fs.statSync(file).size;
    if (size === 0) throw new Error('empty upload');
    fs.unlinkSync(file);
  });
  return size;
}

module.exports = { measureUpload };
