// A fresh randomly named directory per call, with a plain declaration between its name and its mkdir.
const fs = require('fs');
const os = require('os');
const path = require('path');

function stage(files) {
  const stageDir = path.join(os.tmpdir(), 'stage-' + Math.random().toString(36).slice(2));
  const names = { ...files };
  fs.mkdirSync(stageDir);
  for (const name of Object.keys(names)) fs.writeFileSync(path.join(stageDir, name), names[name]);
  const count = fs.readdirSync(stageDir).length;
  fs.rmSync(stageDir, { recursive: true, force: true });
  return count;
}

module.exports = { stage };
