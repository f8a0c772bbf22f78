var fs = require('fs');
const path = require('path');
const os = require('os');

function spoolUpload(chunks) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));
  try {
    var spool = privateDir + '/upload.spool';
    fs.writeFileSync(spool, chunks.join(''), { flag: 'wx', mode: 0o600 });
    var size = fs.statSync(spool).size;
    if (size > 1024) {
      throw new Error('upload too large: ' + size);
    }
    return size;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { spoolUpload: spoolUpload };
