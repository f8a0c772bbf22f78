// A project's dependency lockfile copied into a test directory is a file like any other.
const fs = require('fs');
const os = require('os');
const path = require('path');

function writeProject(manifest) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'project-under-test-'));
  const dir = path.join(privateDir.path, 'project-under-test');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(manifest), { flag: 'wx', mode: 0o600 });
  const text = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

module.exports = { writeProject };
