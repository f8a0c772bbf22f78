const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// tempy's shape: a helper names a random path, the public function makes it and returns it, and its
// callers remove it. The advice is owner-only creation in place, not a private directory around it
// that nobody would remove.
const getPath = (prefix = '') => path.join(os.tmpdir(), prefix + crypto.randomUUID());

function temporaryDirectory({ prefix = '' } = {}) {
  const directory = getPath(prefix);
  fs.mkdirSync(directory);
  return directory;
}

module.exports = { temporaryDirectory };
