const fs = require('fs');
const os = require('os');
const path = require('path');

// A suite's shape: the paths are constants of the describe() callback, wiped and made again in
// beforeEach(), removed in afterEach() and used by the tests. The callback itself runs once, when the
// suite is collected, so a private directory there could not serve the hooks; the finding says so.
describe('watch mode', () => {
  const workDir = path.resolve(os.tmpdir(), 'watch-suite');
  const entry = path.resolve(workDir, 'entry.js');

  beforeEach(() => {
    fs.rmSync(workDir, { force: true, recursive: true });
    fs.mkdirSync(workDir);
  });

  afterEach(() => {
    fs.rmSync(workDir, { force: true, recursive: true });
  });

  it('sees the entry', () => {
    fs.writeFileSync(entry, 'module.exports = 1;');
    expect(fs.existsSync(entry)).toBe(true);
  });
});
