const fs = require('fs');
const os = require('os');
const path = require('path');

function writeReport(lines) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nightly-report-'));
  try {
    const reportPath = path.join(privateDir, 'nightly-report.txt');
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
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { writeReport };
