const fs = require('fs');
const os = require('os');
const path = require('path');

function writeThumbnails(images) {
  const thumbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumbs-'));
  try {
    for (const [i, img] of images.entries()) {
      fs.writeFileSync(path.join(thumbDir, `thumb-${i}.txt`), img.slice(0, 8), { mode: 0o600 });
    }
    return fs.readdirSync(thumbDir).length;
  } finally {
    fs.rmSync(thumbDir, { recursive: true, force: true });
  }
}

module.exports = { writeThumbnails };
