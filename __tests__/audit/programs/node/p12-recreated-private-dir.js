// Pattern 12, afterwards: a private mkdtemp directory is removed (here by a child, as a suite's
// cleanup may do), then a recursive mkdir makes its name again, as fs-extra's outputFileSync does:
// the new directory is the mkdir's, with the mkdir's mode, and what is made in it is not private.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function recreatedPrivateDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recreated-'));
  fs.writeFileSync(path.join(dir, 'first.txt'), 'private');
  execFileSync('rm', ['-rf', dir]);
  fs.mkdirSync(path.join(dir, 'logs'), { recursive: true }); // audit: insecure-creation, left-behind
  fs.writeFileSync(path.join(dir, 'logs', 'out.txt'), 'no longer private'); // audit: insecure-creation
};
