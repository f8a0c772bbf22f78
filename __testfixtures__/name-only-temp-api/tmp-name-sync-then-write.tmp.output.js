const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// tmp checks the name is free, then the code creates it: non-exclusive, mode 0644.
function roundTrip(report) {
  const privateDir = tmp.dirSync({ prefix: 'report-tmp-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'report-tmp.json');
    fs.writeFileSync(file, JSON.stringify(report), { flag: 'wx', mode: 0o600 });
    const back = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (back.fail) throw new Error('report failed');
    fs.unlinkSync(file);
    return back;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { roundTrip };
