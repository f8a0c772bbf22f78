const { spawn } = require('child_process');
const os = require('os');
const path = require('path');

// A `let` or `var` that is never assigned again reads as what it holds, like a const. One that is
// assigned again ('reused' below) keeps its name.
const stamp = () => new Date().toISOString().slice(0, 10);

function profileDir() {
  let name = 'app-e2e-' + stamp();
  return path.join(os.tmpdir(), name);
}

function workDir(flavour) {
  var reused = 'work-' + stamp();
  if (flavour) reused = 'work-' + flavour;
  return path.join(os.tmpdir(), reused);
}

function launch(flavour) {
  spawn('tool', ['--work', workDir(flavour)]);
  return spawn('electron', ['main.js', '--user-data-dir', profileDir()]);
}

module.exports = { launch };
