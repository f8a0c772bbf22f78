const fs = require('fs');
const tmp = require('tmp');
const { spawn } = require('child_process');

// The file is kept for a detached child that reads and removes it: keep is correct here.
function launch(config) {
  const tmpobj = tmp.fileSync({ keep: true });
  fs.writeFileSync(tmpobj.name, JSON.stringify(config));
  const child = spawn(process.execPath, ['worker.js', tmpobj.name], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

module.exports = { launch };
