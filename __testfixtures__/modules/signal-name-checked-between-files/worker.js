const fs = require('fs');
const os = require('os');
const path = require('path');

// Leaves a marker that another module of the program looks for by the same name.
function markReady() {
  fs.writeFileSync(path.join(os.tmpdir(), 'signal-name-ready'), String(process.pid));
}

function clearReady() {
  fs.rmSync(path.join(os.tmpdir(), 'signal-name-ready'), { force: true });
}

module.exports = { markReady, clearReady };
