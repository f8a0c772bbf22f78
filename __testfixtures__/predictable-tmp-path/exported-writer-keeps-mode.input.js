const fs = require('fs');
const os = require('os');
const path = require('path');

// saveJson is exported by name below: callers elsewhere keep their file's mode; only the temp caller changes.
function saveJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value));
}

function probeWritable() {
  const probe = path.join(os.tmpdir(), 'probe.json');
  saveJson(probe, { ok: true });
  const back = JSON.parse(fs.readFileSync(probe, 'utf8'));
  fs.unlinkSync(probe);
  return back.ok;
}

module.exports = { saveJson, probeWritable };
