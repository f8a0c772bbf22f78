var fs = require('fs');
var os = require('os');
var path = require('path');

// An upload store's shape: the name arrives through a callback tmpfix does not follow, and the file
// is streamed and handed back. The finding must not call the name guessable (it may well be random)
// nor say the old code reused one name: the danger it can name is O_EXCL and mode 0644.
function storeUpload(nameOf, stream, cb) {
  nameOf(function (err, filename) {
    if (err) return cb(err);
    var finalPath = path.join(os.tmpdir(), filename);
    var out = fs.createWriteStream(finalPath);
    stream.pipe(out);
    out.on('finish', function () { cb(null, finalPath); });
  });
}

module.exports = storeUpload;
