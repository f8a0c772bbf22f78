const fs = require('fs');
const path = require('path');

// The shared directory comes from a helper with an environment fallback.
function spoolDir() {
  return process.env.TMPDIR || '/tmp';
}

function spool(data) {
  const p = path.normalize(spoolDir() + '/spool-' + process.pid);
  fs.writeFileSync(p, data);
  const back = fs.readFileSync(p, 'utf8');
  if (back.startsWith('!')) throw new Error('refused');
  fs.unlinkSync(p);
  return back;
}

module.exports = { spool };
