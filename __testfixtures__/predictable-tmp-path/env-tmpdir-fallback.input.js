var fs = require('fs');

function spoolUpload(chunks) {
  var spool = (process.env.TMPDIR || '/tmp') + '/upload.spool';
  fs.writeFileSync(spool, chunks.join(''));
  var size = fs.statSync(spool).size;
  if (size > 1024) {
    throw new Error('upload too large: ' + size);
  }
  return size;
}

module.exports = { spoolUpload: spoolUpload };
