const fs = require('fs');
const path = require('path');
const os = require('os');
const f = (x) => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'r1-'));
  try {
    return (fs.writeFileSync(path.join(privateDir, 'r1.txt'), x, { flag: 'wx', mode: 0o600 }), fs.readFileSync(path.join(privateDir, 'r1.txt'), 'utf8') /* done :) */);
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
};
function g(x) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'r2g-'));
  try {
    const p = privateDir + '/r2g.txt';
    fs.writeFileSync(p, x, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(p, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
module.exports = { f, g };
