const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// saveJson is exported by name below: callers elsewhere keep their file's mode; only the temp caller changes.
function saveJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value));
}

function probeWritable() {
  const privateDir = tmp.dirSync({ prefix: 'probe-', unsafeCleanup: true });
  try {
    const probe = path.join(privateDir.name, 'probe.json');
    saveJson(probe, { ok: true });
    const back = JSON.parse(fs.readFileSync(probe, 'utf8'));
    fs.unlinkSync(probe);
    return back.ok;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { saveJson, probeWritable };
