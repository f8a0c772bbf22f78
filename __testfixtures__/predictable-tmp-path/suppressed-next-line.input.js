const fs = require('fs');
const os = require('os');
const path = require('path');

function writeDebugDump(obj) {
  // The debugger attaches to this exact name; reviewed in SEC-112.
  // tmpfix-ignore-next-line
  fs.writeFileSync(path.join(os.tmpdir(), 'debug-dump.json'), JSON.stringify(obj));
}

module.exports = { writeDebugDump };
