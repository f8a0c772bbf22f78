const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

const inspectors = {
  size: (file) => fs.statSync(file).size,
};

// The path goes to a function chosen at run time, but this function removes the file itself afterwards:
// the private directory can go in a finally.
function measure(text, how) {
  const privateDir = tmp.dirSync({ prefix: 'sample-', unsafeCleanup: true });
  try {
    const sample = path.join(privateDir.name, 'sample.txt');
    fs.writeFileSync(sample, text, { flag: 'wx', mode: 0o600 });
    const inspect = inspectors[how];
    if (!inspect) throw new Error(`no inspector ${how}`);
    const result = inspect(sample);
    fs.unlinkSync(sample);
    return result;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { measure };
