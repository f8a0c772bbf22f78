const fs = require('fs');
const path = require('path');
const rimraf = require('rimraf');
const tmp = require('tmp');

// rimraf.sync() removes the directory as fs.rmSync(dir, { recursive: true }) would: the old code
// cleans up after itself, so the rewrite may too (it is no hand-off to an unknown function).
function bundle(parts) {
  const privateDir = tmp.dirSync({ prefix: 'bundle-out-', unsafeCleanup: true });
  try {
    const out = path.join(privateDir.name, 'bundle-out');
    fs.mkdirSync(out, { mode: 0o700 });
    parts.forEach((part, i) => fs.writeFileSync(path.join(out, `${i}.txt`), part, { mode: 0o600 }));
    const joined = parts.map((_, i) => fs.readFileSync(path.join(out, `${i}.txt`), 'utf8')).join('');
    rimraf.sync(out);
    return joined;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { bundle };
