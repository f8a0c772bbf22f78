const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

function compressInBackground(data) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'payload-'));
  const raw = path.join(privateDir, 'payload-' + process.pid + '.raw');
  fs.writeFileSync(raw, data, { flag: 'wx', mode: 0o600 });
  const child = spawn('gzip', ['-f', raw], { detached: true, stdio: 'ignore' });
  child.unref();
  return raw + '.gz';
}

module.exports = { compressInBackground };
