const fs = require('fs');
const os = require('os');
const path = require('path');

// Writes the payload where the uploader picks it up, and hands back its path.
const stagePayload = (payload) => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'payload-'));
  return (fs.writeFileSync(path.join(privateDir, 'payload.json'), JSON.stringify(payload), { flag: 'wx', mode: 0o600 }), path.join(privateDir, 'payload.json'));
};

module.exports = { stagePayload };
