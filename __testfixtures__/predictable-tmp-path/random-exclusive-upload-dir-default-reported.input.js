// Uploads under a random name, already created exclusively, in a directory the caller may choose.
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');

function receive(options, stream) {
  const dir = options.uploadDir || os.tmpdir();
  const file = path.join(dir, crypto.randomBytes(16).toString('hex') + '.upload');
  const out = fs.createWriteStream(file, { flags: 'wx' });
  stream.pipe(out);
  return { file, out };
}

module.exports = { receive };
