const fs = require('fs');
const os = require('os');
const path = require('path');

function saveSession(session) {
  fs.writeFileSync(path.join(os.tmpdir(), 'cli-session.json'), JSON.stringify(session));
}

function loadSession() {
  const file = path.join(os.tmpdir(), 'cli-session.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

module.exports = { saveSession, loadSession };
