'use strict';
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// The cleanup callback goes out inside the resolved object's cleanup(): a caller that fails first never calls it.
function getTemporaryDirectory() {
  return new Promise((resolve, reject) => {
    tmp.dir({ unsafeCleanup: true }, (err, tmpdir, callback) => {
      if (err) {
        reject(err);
      } else {
        resolve({
          tmpdir: tmpdir,
          cleanup: () => {
            try {
              callback();
            } catch (ignored) {
              // ignored
            }
          },
        });
      }
    });
  });
}

// Handed on as a value.
function withFile(done) {
  tmp.file((err, name, fd, removeCallback) => {
    if (err) return done(err);
    done(null, name, removeCallback);
  });
}

// Called in a handler the callback registers: a removal, not handed on.
function copyOut(source) {
  tmp.dir({ unsafeCleanup: true }, (err, dir, cleanup) => {
    if (err) throw err;
    const out = fs.createWriteStream(path.join(dir, 'copy'));
    out.on('close', () => cleanup());
    fs.createReadStream(source).pipe(out);
  });
}

module.exports = { getTemporaryDirectory, withFile, copyOut };
