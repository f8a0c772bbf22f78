const fs = require('fs');
const os = require('os');
const path = require('path');

// An end-to-end suite: the project directory is a module-level constant, its hooks live inside
// describe(). It is the suite's state, not state kept across runs, and the advice says where a
// private directory goes in a suite.
const DIR = path.resolve(os.tmpdir(), 'watch-added-files');

describe('watch mode', () => {
  beforeEach(() => fs.rmSync(DIR, { recursive: true, force: true }));
  afterEach(() => fs.rmSync(DIR, { recursive: true, force: true }));

  test('picks up an added test', () => {
    fs.mkdirSync(path.join(DIR, '__tests__'), { recursive: true });
    fs.writeFileSync(path.join(DIR, '__tests__', 'added.test.js'), "test('a', () => {});");
    expect(fs.readdirSync(path.join(DIR, '__tests__'))).toEqual(['added.test.js']);
  });
});
