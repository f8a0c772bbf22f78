const { execFile } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Both files are removed one after the other once the program is done with them.
function concatenate(first, second, callback) {
  const left = path.join(os.tmpdir(), `concat-${process.pid}-left.txt`);
  const right = path.join(os.tmpdir(), `concat-${process.pid}-right.txt`);
  fs.writeFileSync(left, first);
  fs.writeFileSync(right, second);
  execFile('cat', [left, right], (error, stdout) => {
    try {
      fs.unlinkSync(left);
      fs.unlinkSync(right);
    } catch {
      // already gone
    }
    callback(error, stdout);
  });
}

module.exports = { concatenate };
