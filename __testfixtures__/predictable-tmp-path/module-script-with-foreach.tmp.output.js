const fs = require('fs'); const path = require('path');
const tmp = require('tmp');
const privateDir = tmp.dirSync({ prefix: 'm1-', unsafeCleanup: true });
try {
  const out = path.join(privateDir.name, 'm1.txt');
  fs.writeFileSync(out, '', { flag: 'wx', mode: 0o600 });
  ['a', 'b'].forEach((it) => fs.appendFileSync(out, it, { mode: 0o600 }));
  console.log(fs.readFileSync(out, 'utf8'));
} finally {
  privateDir.removeCallback();
}
