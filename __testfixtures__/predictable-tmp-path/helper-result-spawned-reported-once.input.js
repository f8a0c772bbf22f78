// A helper returns a guessable profile directory; its only caller hands it to a browser it starts.
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const profileDir = () => {
  const name = 'kiosk-profile-' + new Date().getDay();
  return path.join(os.tmpdir(), name);
};

function openKiosk(url) {
  return spawn('chromium', ['--user-data-dir', profileDir(), url]);
}

module.exports = { openKiosk };
