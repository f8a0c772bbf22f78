const fs = require('fs');
const os = require('os');
const path = require('path');

const dumpState = (state) => fs.writeFileSync(path.join(os.tmpdir(), 'state-dump.json'), JSON.stringify(state));

module.exports = { dumpState };
