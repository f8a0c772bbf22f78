const os = require('os');
const path = require('path');

// A fixed directory handed to the rest of the program on a shared object: its users create it.
function useTempDevDir(gyp) {
  const tmpdir = os.tmpdir();
  gyp.devDir = path.resolve(tmpdir, '.node-gyp');
  return gyp.commands.install();
}

module.exports = { useTempDevDir };
