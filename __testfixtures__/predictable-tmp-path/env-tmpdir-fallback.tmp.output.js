var fs = require('fs');
const tmp = require('tmp');

function spoolUpload(chunks) {
  const privateDir = tmp.dirSync({ prefix: 'upload-', unsafeCleanup: true });
  try {
    var spool = privateDir.name + '/upload.spool';
    fs.writeFileSync(spool, chunks.join(''), { flag: 'wx', mode: 0o600 });
    var size = fs.statSync(spool).size;
    if (size > 1024) {
      throw new Error('upload too large: ' + size);
    }
    return size;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { spoolUpload: spoolUpload };
