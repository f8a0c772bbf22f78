const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

// The parameter is the caller's file, or a staged copy of the bytes it was given: only the copy is removed.
async function upload(tool, file, done) {
  let isPath = true;
  if (typeof file !== 'string') {
    isPath = false;
    const data = new Uint8Array(file);
    file = path.join(os.tmpdir(), +new Date() + '.png');
    await fs.promises.writeFile(file, data);
  }
  cp.execFile(tool, [file], async (err, out) => {
    if (!isPath) {
      await fs.promises.unlink(file);
    }
    done(err, out);
  });
}

module.exports = { upload };
