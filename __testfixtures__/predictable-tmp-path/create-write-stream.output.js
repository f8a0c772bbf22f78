const fs = require('fs');
const os = require('os');
const path = require('path');

function openAccessLog() {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'access-'));
  const logPath = path.join(privateDir, 'access-' + process.pid + '.log');
  const stream = fs.createWriteStream(logPath, { flags: 'wx', mode: 0o600 });
  stream.write('started\n');
  return stream;
}

module.exports = { openAccessLog };
