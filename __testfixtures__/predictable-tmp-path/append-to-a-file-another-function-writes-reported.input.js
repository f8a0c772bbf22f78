const fs = require('fs'); const os = require('os'); const path = require('path');
const DIR = path.resolve(os.tmpdir(), 'watch-dir');
beforeEach(() => { fs.mkdirSync(DIR, { recursive: true }); fs.writeFileSync(path.join(DIR, 'a.test.js'), 'x'); });
test('t', () => { fs.appendFileSync(path.join(DIR, 'a.test.js'), 'y'); }); // shared with beforeEach, not a log
