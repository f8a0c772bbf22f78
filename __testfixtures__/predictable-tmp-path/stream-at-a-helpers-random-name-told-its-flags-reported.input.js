// lerna's temp-write shape: a stream opened at a random name a helper builds. The advice for a stream
// spells its option `flags` (fs.createWriteStream ignores `flag`, and opens what is there).
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

function tempfile() {
  return path.join(os.tmpdir(), crypto.randomUUID());
}

function writeStream(data) {
  const file = tempfile();
  const out = fs.createWriteStream(file);
  out.end(data);
  return file;
}

module.exports = { tempfile, writeStream };
