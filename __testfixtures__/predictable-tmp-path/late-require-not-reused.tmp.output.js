const fs = require('fs');
const tmp = require('tmp');

function save(d) {
  const privateDir = tmp.dirSync({ prefix: 'save-', unsafeCleanup: true });
  try {
    const file = privateDir.name + '/save.json';
    fs.writeFileSync(file, d, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(file, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

// Runs before the require below: a rewrite that leaned on that `path` would throw a ReferenceError.
const warmUp = save('warm-up');

const path = require('path');

module.exports = { save, warmUp, path };
