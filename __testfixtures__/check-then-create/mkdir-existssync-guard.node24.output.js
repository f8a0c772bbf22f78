const fs = require('fs');
const os = require('os');
const path = require('path');

function writeThumbnails(images) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'thumbs-'));
  const thumbDir = path.join(privateDir.path, 'thumbs');
  fs.mkdirSync(thumbDir, { mode: 0o700 });
  for (const [i, img] of images.entries()) {
    fs.writeFileSync(path.join(thumbDir, `thumb-${i}.txt`), img.slice(0, 8), { mode: 0o600 });
  }
  return fs.readdirSync(thumbDir).length;
}

module.exports = { writeThumbnails };
