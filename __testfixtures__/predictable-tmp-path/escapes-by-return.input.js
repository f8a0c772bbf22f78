const fs = require('fs');
const os = require('os');
const path = require('path');

function writeManifest(entries) {
  const manifestPath = path.join(os.tmpdir(), 'manifest.json');
  fs.writeFileSync(manifestPath, JSON.stringify({ entries }, null, 2));
  return manifestPath;
}

module.exports = { writeManifest };
