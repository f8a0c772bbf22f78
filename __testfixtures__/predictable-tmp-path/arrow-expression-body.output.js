const fs = require('fs');
const os = require('os');
const path = require('path');

const dumpState = (state) => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'state-dump-'));
  return fs.writeFileSync(path.join(privateDir, 'state-dump.json'), JSON.stringify(state), { flag: 'wx', mode: 0o600 });
};

module.exports = { dumpState };
