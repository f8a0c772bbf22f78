const { spawn } = require('child_process');
const os = require('os');
const path = require('path');

// marktext's e2e helper: the name sits in a const built from text and a call. The finding shows what
// the const holds ('app-e2e-${stamp()}'), not '${name}', and says the name is built from stamp().
const stamp = () => new Date().toISOString().slice(0, 10);

const profileDir = () => {
  const name = 'app-e2e-' + stamp();
  return path.join(os.tmpdir(), name);
};

function launch() {
  return spawn('electron', ['main.js', '--user-data-dir', profileDir()]);
}

module.exports = { launch };
