// A project's dependency lockfile copied into a test directory is a file like any other.
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function writeProject(manifest) {
  const privateDir = tmp.dirSync({ prefix: 'project-under-test-', unsafeCleanup: true });
  try {
    const dir = path.join(privateDir.name, 'project-under-test');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(manifest), { flag: 'wx', mode: 0o600 });
    const text = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    return text;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { writeProject };
