// Flags built from fs.constants with O_EXCL and an owner-only mode: the creation is already safe.
const fs = require('fs');
const os = require('os');
const path = require('path');

const EXCL_FLAGS = fs.constants.O_CREAT | fs.constants.O_RDWR | fs.constants.O_EXCL;

const scratchName = (prefix) => path.join(os.tmpdir(), prefix + Math.random().toString(36).slice(2));

function openScratch() {
  return fs.createWriteStream(scratchName('w-'), { flags: EXCL_FLAGS, mode: 0o600 });
}

module.exports = { openScratch };
