// Pattern 1: a fixed name in the temp directory, then written.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function fixedName() {
  const file = path.join(os.tmpdir(), 'app.json');
  fs.writeFileSync(file, JSON.stringify({ ok: true })); // audit: insecure-creation
  const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
  return saved.ok;
};
