// A watch-mode test: a hook writes the project before each test, a test appends one line to trigger a rerun.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { removeDir, writeProject } = require('./helpers');

const PROJECT = path.join(os.tmpdir(), 'watch-rerun-project');

beforeEach(() => {
  removeDir(PROJECT);
  writeProject(PROJECT, { 'src/entry.test.js': 'test("one", () => {});\n' });
});

test('reruns after a change', () => {
  fs.appendFileSync(path.join(PROJECT, 'src', 'entry.test.js'), 'test("two", () => {});\n');
});
