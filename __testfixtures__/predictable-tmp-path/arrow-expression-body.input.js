const fs = require('fs');
const os = require('os');
const path = require('path');

// Writes the payload where the uploader picks it up, and hands back its path.
const stagePayload = (payload) => (fs.writeFileSync(path.join(os.tmpdir(), 'payload.json'), JSON.stringify(payload)), path.join(os.tmpdir(), 'payload.json'));

module.exports = { stagePayload };
