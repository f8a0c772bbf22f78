const fs = require('fs');
const os = require('os');
const path = require('path');

// A test file's hooks: beforeEach makes the file, afterEach removes it, the test reads it.
function runSpecs(seen) {
  const hooks = { before: [], after: [], tests: [] };
  const beforeEach = (f) => hooks.before.push(f);
  const afterEach = (f) => hooks.after.push(f);
  const it = (name, f) => hooks.tests.push(f);

  let file;
  beforeEach(() => {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-'));
    file = path.join(privateDir, 'spec.json');
    fs.writeFileSync(file, JSON.stringify({ seen }), { flag: 'wx', mode: 0o600 });
  });
  afterEach(() => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
  it('reads', () => JSON.parse(fs.readFileSync(file, 'utf8')).seen);

  const results = [];
  for (const test of hooks.tests) {
    hooks.before.forEach((f) => f());
    results.push(test());
    hooks.after.forEach((f) => f());
  }
  return results;
}

module.exports = { runSpecs };
