const fs = require('fs');
const path = require('path');
const tmp = require('tmp');
const f = (x) => {
  const privateDir = tmp.dirSync({ prefix: 'r1-', unsafeCleanup: true });
  try {
    return (fs.writeFileSync(path.join(privateDir.name, 'r1.txt'), x, { flag: 'wx', mode: 0o600 }), fs.readFileSync(path.join(privateDir.name, 'r1.txt'), 'utf8') /* done :) */);
  } finally {
    privateDir.removeCallback();
  }
};
function g(x) {
  const privateDir = tmp.dirSync({ prefix: 'r2g-', unsafeCleanup: true });
  try {
    const p = privateDir.name + '/r2g.txt';
    fs.writeFileSync(p, x, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(p, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
module.exports = { f, g };
