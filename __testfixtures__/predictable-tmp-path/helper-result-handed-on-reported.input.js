// A helper returns a guessable profile directory; its only caller builds an argument list with it.
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const profileDir = () => {
  const name = 'kiosk-profile-' + new Date().getDay();
  return path.join(os.tmpdir(), name);
};

function openKiosk(url, extra) {
  const args = ['--user-data-dir', profileDir()].concat(extra || []);
  return spawn('chromium', [...args, url]);
}

module.exports = { openKiosk };
