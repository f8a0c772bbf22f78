// A fresh randomly named directory per call, with a plain declaration between its name and its mkdir.
const fs = require('fs');
const os = require('os');
const path = require('path');

function stage(files) {
  const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stage-'));
  try {
    const names = { ...files };
    for (const name of Object.keys(names)) fs.writeFileSync(path.join(stageDir, name), names[name], { mode: 0o600 });
    const count = fs.readdirSync(stageDir).length;
    fs.rmSync(stageDir, { recursive: true, force: true });
    return count;
  } finally {
    fs.rmSync(stageDir, { recursive: true, force: true });
  }
}

module.exports = { stage };
