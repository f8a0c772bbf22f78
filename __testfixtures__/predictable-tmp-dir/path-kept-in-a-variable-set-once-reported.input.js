const fs = require('fs');
const os = require('os');
const path = require('path');

// homeDir is set on the first call only and every later call reuses it: a private directory made
// on each call would be left behind by all but the first (node-red's externalModules_spec).
let homeDir;

function createUserDir() {
  if (!homeDir) {
    homeDir = path.join(os.tmpdir(), 'nr-test-' + Math.floor(Math.random() * 100000));
  }
  fs.mkdirSync(homeDir, { recursive: true });
  fs.writeFileSync(path.join(homeDir, 'package.json'), '{}');
}

function removeUserDir() {
  fs.rmSync(homeDir, { recursive: true, force: true });
}

module.exports = { createUserDir, removeUserDir };
