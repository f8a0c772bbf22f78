// A watch test: a helper writes the project, then the test stats the file and rewrites it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { removeAll, writeFiles } = require('./helpers');

const DIR = path.resolve(os.tmpdir(), 'watch-touch-project');
beforeEach(() => removeAll(DIR));

test('reruns after a touch', () => {
  writeFiles(DIR, { 'entry.js': 'module.exports = 0;' });
  const entry = path.join(DIR, 'entry.js');
  const before = fs.lstatSync(entry);
  fs.writeFileSync(entry, 'module.exports = 1;');
  expect(fs.lstatSync(entry).size).toBeGreaterThanOrEqual(before.size);
});
