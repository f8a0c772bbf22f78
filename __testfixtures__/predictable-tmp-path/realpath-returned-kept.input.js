const fs = require('fs');
const os = require('os');
const path = require('path');

function writeSettings(text) {
  const settingsFile = path.join(os.tmpdir(), 'settings.ini');
  fs.writeFileSync(settingsFile, text);
  return fs.realpathSync(settingsFile);
}

module.exports = { writeSettings };
