// Pattern 8: a fixed directory under tmp, and a file in it (the directory is not private).
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function fixedDir() {
  const dir = path.join(os.tmpdir(), 'myapp');
  fs.mkdirSync(dir, { recursive: true }); // audit: insecure-creation
  fs.writeFileSync(path.join(dir, 'cache.json'), '{}'); // audit: insecure-creation
  fs.rmSync(dir, { recursive: true, force: true });
};
