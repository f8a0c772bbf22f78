var crypto = require('crypto');
var fs = require('fs');
var os = require('os');
var path = require('path');

// An upload parser's shape: a helper joins a random name to the upload directory, and the stream is
// opened with 'wx'. Name and creation are safe; the advice is the mode alone, not a private directory.
function uploadPath(baseDir, filename) {
  return path.join(baseDir, crypto.randomBytes(18).toString('hex') + path.extname(filename));
}

function saveUpload(source, filename) {
  var target = uploadPath(os.tmpdir(), filename);
  var out = fs.createWriteStream(target, { flags: 'wx' });
  source.pipe(out);
  return target;
}

module.exports = { saveUpload };
