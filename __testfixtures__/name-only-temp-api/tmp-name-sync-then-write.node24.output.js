const fs = require('fs');
const path = require('path');
const os = require('os');

// tmp checks the name is free, then the code creates it: non-exclusive, mode 0644.
function roundTrip(report) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'report-tmp-'));
  const file = path.join(privateDir.path, 'report-tmp.json');
  fs.writeFileSync(file, JSON.stringify(report), { flag: 'wx', mode: 0o600 });
  const back = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (back.fail) throw new Error('report failed');
  fs.unlinkSync(file);
  return back;
}

module.exports = { roundTrip };
