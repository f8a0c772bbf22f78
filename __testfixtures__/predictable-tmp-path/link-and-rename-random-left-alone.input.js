// symlink() and rename() never write through a planted name: under a random name nothing is at stake.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { randomBytes } = require('crypto');

function linkAndMove(target, upload) {
  const link = path.join(os.tmpdir(), `link-${randomBytes(8).toString('hex')}`);
  fs.symlinkSync(target, link);
  const moved = path.join(os.tmpdir(), `upload-${randomBytes(8).toString('hex')}.bin`);
  fs.renameSync(upload, moved);
  return [link, moved];
}

module.exports = { linkAndMove };
