const fs = require('fs');
const os = require('os');
const path = require('path');

// A test suite's shape: a helper names a random directory, a hook makes it (taking one that exists,
// mode 0755), and every test writes its files inside. The directory is the one danger: its finding
// lists the files' lines instead of one finding per file, and the helper that names it is part of it.
function scratchPath() {
  return path.join(os.tmpdir(), 'suite-' + Date.now() + '-' + Math.random().toString(36).slice(2));
}

let dir;

beforeEach(() => {
  dir = scratchPath();
  fs.mkdirSync(dir, { recursive: true });
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('writes a manifest', () => {
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  fs.mkdirSync(path.join(dir, 'lib'));
  fs.writeFileSync(path.join(dir, 'lib', 'index.js'), 'module.exports = 1');
});
