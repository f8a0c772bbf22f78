// A fresh randomly named directory per call, with a plain declaration between its name and its mkdir.
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function stage(files) {
  const privateDir = tmp.dirSync({ prefix: 'stage-', unsafeCleanup: true });
  try {
    const stageDir = path.join(privateDir.name, 'stage-' + Math.random().toString(36).slice(2));
    const names = { ...files };
    fs.mkdirSync(stageDir, { mode: 0o700 });
    for (const name of Object.keys(names)) fs.writeFileSync(path.join(stageDir, name), names[name], { mode: 0o600 });
    const count = fs.readdirSync(stageDir).length;
    fs.rmSync(stageDir, { recursive: true, force: true });
    return count;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { stage };
