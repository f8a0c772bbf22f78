const fs = require('fs');
const os = require('os');
const path = require('path');

// The caller receives the directory and removes it: nothing to do here.
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ws-'));
  fs.writeFileSync(path.join(dir, 'README'), 'scratch');
  return dir;
}

module.exports = { workspace };
