const fs = require('fs');
const os = require('os');
const path = require('path');

function prepareBuildDir(files) {
  const buildDir = path.join(os.tmpdir(), 'build');
  fs.mkdirSync(buildDir, { recursive: true });
  const manifest = path.join(buildDir, 'manifest.json');
  fs.writeFileSync(manifest, JSON.stringify(files));
  return manifest;
}

module.exports = { prepareBuildDir };
