// A per-fixture scratch directory named by a hash of the fixture: cleared before use, removed after.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { createHash } = require('crypto');
const { spawnSync } = require('child_process');

function runFixture(fixture, files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'fixture-runs-'));
  const loc = path.join(privateDir.path, 'fixture-runs', createHash('sha1').update(fixture).digest('hex'));
  fs.rmSync(loc, { force: true, recursive: true });
  fs.mkdirSync(loc, { recursive: true, mode: 0o700 });
  try {
    for (const name of Object.keys(files)) fs.writeFileSync(path.join(loc, name), files[name], { mode: 0o600 });
    const run = spawnSync(process.execPath, ['-e', 'console.log(require("fs").readdirSync(".").sort().join(","))'], { cwd: loc, encoding: 'utf8' });
    return run.stdout.trim();
  } finally {
    fs.rmSync(loc, { force: true, recursive: true });
  }
}

module.exports = { runFixture };
