const fs = require('fs');
const path = require('path');
const os = require('os');

// The shared directory comes from a helper with an environment fallback.
function spoolDir() {
  return process.env.TMPDIR || '/tmp';
}

function spool(data) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spool-'));
  try {
    const p = path.normalize(privateDir + '/spool-' + process.pid);
    fs.writeFileSync(p, data, { flag: 'wx', mode: 0o600 });
    const back = fs.readFileSync(p, 'utf8');
    if (back.startsWith('!')) throw new Error('refused');
    fs.unlinkSync(p);
    return back;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { spool };
