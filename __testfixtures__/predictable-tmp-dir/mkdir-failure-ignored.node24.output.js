const fs = require('fs');
const os = require('os');
const path = require('path');

// The mkdir's failure is swallowed, so a directory that is there already (another user's, or a
// symlink to one) is used as it is: the same danger as a recursive mkdir, not a failing call.
function writeAll(files) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'write-all-out-'));
  const dir = path.join(privateDir.path, 'write-all-out');
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {}
  for (const [name, text] of Object.entries(files)) {
    if (text === 'boom') throw new Error(`cannot write ${name}`);
    fs.writeFileSync(path.join(dir, name), text, { mode: 0o600 });
  }
  const count = fs.readdirSync(dir).length;
  fs.rmSync(dir, { recursive: true, force: true });
  return count;
}

module.exports = { writeAll };
