// A project's dependency lockfile copied into a test directory is a file like any other.
const fs = require('fs');
const os = require('os');
const path = require('path');

function writeProject(manifest) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'project-under-test-'));
  try {
    fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(manifest), { flag: 'wx', mode: 0o600 });
    const text = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    return text;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { writeProject };
