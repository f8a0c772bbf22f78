var fs = require('fs');
const path = require('path');
const os = require('os');

function spoolUpload(chunks) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'upload-'));
  var spool = privateDir.path + '/upload.spool';
  fs.writeFileSync(spool, chunks.join(''), { flag: 'wx', mode: 0o600 });
  var size = fs.statSync(spool).size;
  if (size > 1024) {
    throw new Error('upload too large: ' + size);
  }
  return size;
}

module.exports = { spoolUpload: spoolUpload };
