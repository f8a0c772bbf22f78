'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

// The name is 160 random bits held in a variable: only the missing O_EXCL and the mode are wrong.
// The directory is module-level state shared by every call, so it is reported, not rewritten; the
// file inside it is that directory's danger again, so the directory's finding takes the file in.
const DIR = path.join(os.tmpdir(), 'teardown-marks');
const markPath = () => path.join(DIR, crypto.randomBytes(20).toString('hex'));

module.exports = function teardown() {
  fs.mkdirSync(DIR, { recursive: true });
  const fileId = crypto.randomBytes(20).toString('hex');
  fs.writeFileSync(path.join(DIR, fileId), 'teardown');
  return markPath();
};
