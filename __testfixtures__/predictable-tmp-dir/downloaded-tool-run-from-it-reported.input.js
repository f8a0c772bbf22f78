const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// An installer's shape: a directory named by version under the temp directory, made if missing and
// handed back, holds a downloaded tool that is then run. Whoever makes the directory first decides
// what runs, so the finding names code execution, not only a readable directory.
function toolDir(version) {
  const dir = path.join(os.tmpdir(), `fetch-tool-${version}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function toolVersion(version, bytes) {
  const binary = path.join(toolDir(version), 'tool');
  if (!fs.existsSync(binary)) fs.writeFileSync(binary, bytes, { mode: 0o755 });
  return spawnSync(binary, ['--version']).stdout.toString();
}

module.exports = { toolVersion };
