// A project's dependency lockfile copied into a test directory is a file like any other.
const fs = require('fs');
const os = require('os');
const path = require('path');

function writeProject(manifest) {
  const dir = path.join(os.tmpdir(), 'project-under-test');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(manifest));
  const text = fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

module.exports = { writeProject };
