const fs = require('fs');
const os = require('os');
const path = require('path');

function writeReport(lines) {
  const reportPath = path.join(os.tmpdir(), 'nightly-report.txt');
  const fd = fs.openSync(reportPath, 'w');
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
