const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { pipeline } = require('stream/promises');

async function compressedLength(text) {
  const plain = path.join(os.tmpdir(), 'length.txt');
  const packed = path.join(os.tmpdir(), 'length.txt.gz');
  await fs.promises.writeFile(plain, text);
  await pipeline(fs.createReadStream(plain), zlib.createGzip(), fs.createWriteStream(packed));
  const { size } = await fs.promises.stat(packed);
  return size;
}

module.exports = { compressedLength };
