const fs = require('fs');
const path = require('path');
const tmp = require('tmp');
const zlib = require('zlib');
const { pipeline } = require('stream/promises');

async function compressedLength(text) {
  const privateDir = tmp.dirSync({ prefix: 'length-', unsafeCleanup: true });
  try {
    const plain = path.join(privateDir.name, 'length.txt');
    const packed = path.join(privateDir.name, 'length.txt.gz');
    await fs.promises.writeFile(plain, text, { flag: 'wx', mode: 0o600 });
    await pipeline(fs.createReadStream(plain), zlib.createGzip(), fs.createWriteStream(packed, { flags: 'wx', mode: 0o600 }));
    const { size } = await fs.promises.stat(packed);
    return size;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { compressedLength };
