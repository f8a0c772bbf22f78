const fs = require('fs');
const tmp = require('tmp');

// tmp checks the name is free, then the code creates it: non-exclusive, mode 0644.
function roundTrip(report) {
  const file = tmp.tmpNameSync({ prefix: 'report-', postfix: '.json' });
  fs.writeFileSync(file, JSON.stringify(report));
  const back = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (back.fail) throw new Error('report failed');
  fs.unlinkSync(file);
  return back;
}

module.exports = { roundTrip };
