const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { pipeline } = require('stream/promises');

async function compressedLength(text) {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'length-'));
  const plain = path.join(privateDir.path, 'length.txt');
  const packed = path.join(privateDir.path, 'length.txt.gz');
  await fs.promises.writeFile(plain, text, { flag: 'wx', mode: 0o600 });
  await pipeline(fs.createReadStream(plain), zlib.createGzip(), fs.createWriteStream(packed, { flags: 'wx', mode: 0o600 }));
  const { size } = await fs.promises.stat(packed);
  return size;
}

module.exports = { compressedLength };
