const fs = require('fs');
const os = require('os');
const path = require('path');

// The helper only ever names mkdtemp prefixes, in this file: nothing is created at the name it returns.
const inTemp = (prefix) => path.join(os.tmpdir(), prefix);

function scratchPair() {
  const a = fs.mkdtempSync(inTemp('left-'));
  const b = fs.mkdtempSync(inTemp('right-'));
  return [a, b];
}

module.exports = { scratchPair };
