const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function splitAndMeasure(text, size) {
  const sizes = [];
  for (let i = 0; i * size < text.length; i++) {
    const privateDir = tmp.dirSync({ prefix: 'chunk-', unsafeCleanup: true });
    try {
      const part = path.join(privateDir.name, 'chunk-' + i + '.part');
      fs.writeFileSync(part, text.slice(i * size, (i + 1) * size), { flag: 'wx', mode: 0o600 });
      sizes.push(fs.statSync(part).size);
    } finally {
      privateDir.removeCallback();
    }
  }
  if (sizes.length > 3) {
    throw new Error('too many chunks: ' + sizes.length);
  }
  return sizes;
}

module.exports = { splitAndMeasure };
