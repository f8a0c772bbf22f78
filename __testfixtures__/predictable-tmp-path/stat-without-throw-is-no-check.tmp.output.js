const fs = require('fs'); const path = require('path');
const tmp = require('tmp');
function f() {
  const privateDir = tmp.dirSync({ prefix: 'i1-', unsafeCleanup: true });
  try {
    const p = path.join(privateDir.name, 'i1.json');
    let made = false;
    try { fs.statSync(p, { throwIfNoEntry: false }); } catch {
      fs.writeFileSync(p, '{"n":1}', { flag: 'wx', mode: 0o600 });
      made = true;
    }
    fs.writeFileSync(p, 'second', { mode: 0o600 });
    return made + ':' + fs.readFileSync(p, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
console.log(f());
