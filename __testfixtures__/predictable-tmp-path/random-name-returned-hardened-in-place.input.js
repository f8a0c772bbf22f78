const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Stages a payload under a random name and hands the path back: callers in other modules read the
// file and remove it. A private directory around it would be left behind by every one of them.
function stagePayload(payload) {
  const file = path.join(os.tmpdir(), `payload-${crypto.randomBytes(16).toString('hex')}.json`);
  fs.writeFileSync(file, JSON.stringify(payload));
  fs.appendFileSync(file, '\n');
  return file;
}

module.exports = { stagePayload };
