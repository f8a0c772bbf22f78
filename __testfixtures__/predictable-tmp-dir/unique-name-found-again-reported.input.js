'use strict';
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// A pid in the name is how another process finds it (the worker rebuilds it from its parent's pid).
function startJob() {
  const dir = path.join(os.tmpdir(), `job-${process.pid}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'config.json'), '{"ok":true}');
  return spawn(process.execPath, [path.join(__dirname, 'worker.js')], { stdio: 'inherit' });
}

// A random name built again by stop(): mkdtemp's name would not be found there.
const started = crypto.randomUUID();
function start() {
  const dir = path.join(os.tmpdir(), `myapp-${started}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'state'), 'x');
}
function stop() {
  fs.rmSync(path.join(os.tmpdir(), `myapp-${started}`), { recursive: true, force: true });
}

module.exports = { startJob, start, stop };
