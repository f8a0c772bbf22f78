const { execFile } = require('child_process');
const fsPromises = require('fs/promises');
const os = require('os');
const path = require('path');

// A debug dump at a fixed name, written without waiting, opened for the user and never removed. The
// advice must not be 'wx' alone: the file this call leaves would make the next call fail.
function dumpLayout(layout) {
  const file = path.join(os.tmpdir(), 'app_layout_info.json');
  fsPromises.writeFile(file, JSON.stringify(layout))
    .then(() => execFile('xdg-open', [file]))
    .catch(() => {});
}

module.exports = { dumpLayout };
