const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

class Extractor {
  async unpack(archive, out) {
    fs.mkdirSync(out, { recursive: true, mode: 0o700 });
    for (const [name, body] of Object.entries(archive)) {
      fs.writeFileSync(path.join(out, name), body, { mode: 0o600 });
    }
    fs.chmodSync(out, 0o755);
  }

  // The temp path is built here and created by the method it is handed to.
  async run(archive) {
    const privateDir = tmp.dirSync({ prefix: 'extract-', unsafeCleanup: true });
    try {
      const out = path.join(privateDir.name, 'extract');
      await this.unpack(archive, out);
      const names = fs.readdirSync(out).sort();
      if (names.includes('fail')) throw new Error('archive asked to fail');
      return names;
    } finally {
      privateDir.removeCallback();
    }
  }
}

function extract(archive) {
  return new Extractor().run(archive);
}

module.exports = { extract };
