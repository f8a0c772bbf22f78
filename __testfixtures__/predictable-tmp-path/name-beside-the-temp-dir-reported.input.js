const fs = require('fs');
const os = require('os');

// No separator: the name is beside the temp directory (`/tmpstamp.txt`), not in it. Reported, never moved.
function touchStamp() {
  const stampFile = os.tmpdir() + 'stamp.txt';
  fs.writeFileSync(stampFile, String(Date.now()));
  return stampFile;
}

module.exports = { touchStamp };
