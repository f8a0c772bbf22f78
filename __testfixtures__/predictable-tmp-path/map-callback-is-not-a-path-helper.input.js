const os = require('os'); const path = require('path');
const DIR = path.resolve(os.tmpdir(), 'fixed-dir');
test('t', async () => {
  const roots = ['a', ''].map(f => path.resolve(DIR, f)); // a callback result, read only: nothing to say
  await readOnly(roots);
});
