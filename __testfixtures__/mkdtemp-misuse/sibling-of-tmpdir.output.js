const fs = require('fs');
const os = require('os');
const path = require('path');

// The random characters go onto the temp directory's own name: /tmpXXXXXX.
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tmp-'));
  fs.writeFileSync(path.join(dir, 'a'), 'a');
  return dir;
}

module.exports = { workspace };
