const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

function compressInBackground(data) {
  const raw = path.join(os.tmpdir(), 'payload-' + process.pid + '.raw');
  fs.writeFileSync(raw, data);
  const child = spawn('gzip', ['-f', raw], { detached: true, stdio: 'ignore' });
  child.unref();
  return raw + '.gz';
}

module.exports = { compressInBackground };
