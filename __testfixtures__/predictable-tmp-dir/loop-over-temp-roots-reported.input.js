const fs = require('fs');
const os = require('os');
const path = require('path');

// Candidate roots tried in turn; the directory is keyed by a version and reused: a cache.
function binDir(version) {
  for (const root of [os.tmpdir(), '/var/tmp']) {
    const dir = path.join(root, version, 'bin');
    try {
      fs.mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // try the next root
    }
  }
  return undefined;
}

module.exports = { binDir };
