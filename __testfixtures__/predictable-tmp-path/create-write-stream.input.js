const fs = require('fs');
const os = require('os');
const path = require('path');

function openAccessLog() {
  const logPath = path.join(os.tmpdir(), 'access-' + process.pid + '.log');
  const stream = fs.createWriteStream(logPath);
  stream.write('started\n');
  return stream;
}

module.exports = { openAccessLog };
