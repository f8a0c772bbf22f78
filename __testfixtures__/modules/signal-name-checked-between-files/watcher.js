const fs = require('fs');
const os = require('os');
const path = require('path');

function isReady() {
  return fs.existsSync(path.join(os.tmpdir(), 'signal-name-ready'));
}

module.exports = { isReady };
