const fs = require('fs');
const os = require('os');
const path = require('path');

// saveJson is exported by name below: callers elsewhere keep their file's mode; only the temp caller changes.
function saveJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value));
}

function probeWritable() {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
  try {
    const probe = path.join(privateDir, 'probe.json');
    saveJson(probe, { ok: true });
    const back = JSON.parse(fs.readFileSync(probe, 'utf8'));
    fs.unlinkSync(probe);
    return back.ok;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { saveJson, probeWritable };
