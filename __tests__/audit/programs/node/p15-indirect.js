// Pattern 15: the path reaches the creation indirectly: a loop over directories, a callee that
// creates its parameter, an object's property, a helper module.
const fs = require('fs');
const os = require('os');
const path = require('path');
const tempDir = require('./tempdir');

function save(file, data) {
  fs.writeFileSync(file, data); // audit: insecure-creation x2
}

module.exports = function indirect() {
  const made = [];
  for (const dir of [os.tmpdir(), '/var/tmp']) {
    const file = path.join(dir, `indirect-${process.pid}.txt`);
    fs.writeFileSync(file, 'loop'); // audit: insecure-creation x2
    made.push(file);
  }
  const job = { path: path.join(os.tmpdir(), 'job.txt') };
  save(job.path, 'object');
  save(path.join(tempDir(), 'helper.txt'), 'helper');
  made.push(job.path, path.join(tempDir(), 'helper.txt'));
  for (const file of made) fs.unlinkSync(file);
};
