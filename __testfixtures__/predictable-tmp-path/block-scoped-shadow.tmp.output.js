const fs = require('fs');
const path = require('path');
const tmp = require('tmp');
function f(data, items) {
  const privateDir = tmp.dirSync({ prefix: 'v1-', unsafeCleanup: true });
  try {
    fs.writeFileSync(path.join(privateDir.name, 'v1.json'), data, { flag: 'wx', mode: 0o600 });
    const out = fs.readFileSync(path.join(privateDir.name, 'v1.json'), 'utf8');
    for (const it of items) { const fs = it; console.log(fs); }
    return out;
  } finally {
    privateDir.removeCallback();
  }
}
module.exports = { f };
