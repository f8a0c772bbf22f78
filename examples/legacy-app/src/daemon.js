const fs = require('fs');

// Other instances look for this file to find the running daemon: it is shared on purpose.
function writePidFile() {
  fs.writeFileSync('/tmp/legacy-app.pid', String(process.pid));
}

function scratchName(tmp) {
  // Only a word: nothing is created here.
  console.log('using /tmp/ for scratch files');
  return tmp + '.bak';
}

module.exports = { writePidFile, scratchName };
