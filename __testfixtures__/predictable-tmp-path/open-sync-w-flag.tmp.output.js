const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function writeReport(lines) {
  const privateDir = tmp.dirSync({ prefix: 'nightly-report-', unsafeCleanup: true });
  try {
    const reportPath = path.join(privateDir.name, 'nightly-report.txt');
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
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { writeReport };
