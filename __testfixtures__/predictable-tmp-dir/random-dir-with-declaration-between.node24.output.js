// A fresh randomly named directory per call, with a plain declaration between its name and its mkdir.
const fs = require('fs');
const os = require('os');
const path = require('path');

function stage(files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'stage-'));
  const stageDir = path.join(privateDir.path, 'stage-' + Math.random().toString(36).slice(2));
  const names = { ...files };
  fs.mkdirSync(stageDir, { mode: 0o700 });
  for (const name of Object.keys(names)) fs.writeFileSync(path.join(stageDir, name), names[name], { mode: 0o600 });
  const count = fs.readdirSync(stageDir).length;
  fs.rmSync(stageDir, { recursive: true, force: true });
  return count;
}

module.exports = { stage };
