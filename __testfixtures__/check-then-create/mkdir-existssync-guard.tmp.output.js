const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function writeThumbnails(images) {
  const privateDir = tmp.dirSync({ prefix: 'thumbs-', unsafeCleanup: true });
  try {
    const thumbDir = path.join(privateDir.name, 'thumbs');
    fs.mkdirSync(thumbDir, { mode: 0o700 });
    for (const [i, img] of images.entries()) {
      fs.writeFileSync(path.join(thumbDir, `thumb-${i}.txt`), img.slice(0, 8), { mode: 0o600 });
    }
    return fs.readdirSync(thumbDir).length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { writeThumbnails };
