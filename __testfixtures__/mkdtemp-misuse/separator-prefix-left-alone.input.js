const fs = require('fs');
const os = require('os');
const path = require('path');

// A separator ends the prefix: the directory is a child of the temp directory. Nothing to do.
function workspace() {
  return fs.mkdtempSync(os.tmpdir() + path.sep);
}

module.exports = { workspace };
