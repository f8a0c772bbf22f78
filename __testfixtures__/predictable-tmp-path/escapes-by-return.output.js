const fs = require('fs');
const os = require('os');
const path = require('path');

function writeManifest(entries) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const manifestPath = path.join(privateDir, 'manifest.json');
  fs.writeFileSync(manifestPath, JSON.stringify({ entries }, null, 2), { flag: 'wx', mode: 0o600 });
  return manifestPath;
}

module.exports = { writeManifest };
