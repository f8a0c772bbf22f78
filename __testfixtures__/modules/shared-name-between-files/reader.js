const fs = require('fs');
const os = require('os');
const path = require('path');

function readStatus() {
  const file = path.join(os.tmpdir(), 'shared-name-status.json');
  const status = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.unlinkSync(file);
  return status;
}

module.exports = { readStatus };
