const fs = require('fs');
const os = require('os');
const path = require('path');

function writeSettings(text) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'settings-'));
  const settingsFile = path.join(privateDir, 'settings.ini');
  fs.writeFileSync(settingsFile, text, { flag: 'wx', mode: 0o600 });
  return fs.realpathSync(settingsFile);
}

module.exports = { writeSettings };
