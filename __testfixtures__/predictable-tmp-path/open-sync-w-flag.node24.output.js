const fs = require('fs');
const os = require('os');
const path = require('path');

function writeReport(lines) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'nightly-report-'));
  const reportPath = path.join(privateDir.path, 'nightly-report.txt');
  const fd = fs.openSync(reportPath, 'wx', 0o600);
  try {
    for (const line of lines) {
      fs.writeSync(fd, line + '\n');
    }
  } finally {
    fs.closeSync(fd);
  }
  const written = fs.readFileSync(reportPath, 'utf8');
  if (!written.includes('OK')) {
    throw new Error('report has no OK line');
  }
  return written.split('\n').length;
}

module.exports = { writeReport };
