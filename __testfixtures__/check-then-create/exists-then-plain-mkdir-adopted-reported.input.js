const { existsSync, mkdirSync, writeFileSync, readdirSync } = require('fs');
const os = require('os');
const path = require('path');

// A plain mkdir behind an existence check: when the name is there the mkdir is skipped and the
// directory another user made (or a symlink) is used; the finding names that, not only the race.
const UPLOADS = path.join(os.tmpdir(), 'upload-suite-store');

function storeUpload(name, body) {
  if (!existsSync(UPLOADS)) {
    mkdirSync(UPLOADS);
  }
  writeFileSync(path.join(UPLOADS, name), body);
  return readdirSync(UPLOADS).length;
}

module.exports = { storeUpload };
