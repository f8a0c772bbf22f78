const fs = require('fs');
const os = require('os');
const path = require('path');

function prepareBuildDir(files) {
  const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-'));
  const manifest = path.join(buildDir, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify(files), { flag: 'wx', mode: 0o600 });
  return manifest;
}

module.exports = { prepareBuildDir };
