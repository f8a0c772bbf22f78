const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// A native addon unpacked once per content hash and loaded from there on later runs: a cache.
function addonPath(name, content) {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'addons', hash);
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, content);
  }
  return file;
}

module.exports = { addonPath };
