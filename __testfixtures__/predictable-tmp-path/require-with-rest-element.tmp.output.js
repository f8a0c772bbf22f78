const { writeFileSync, readFileSync, ...restFs } = require('fs');
const path = require('path');
const tmp = require('tmp');
function f(x) {
  const privateDir = tmp.dirSync({ prefix: 'rest-', unsafeCleanup: true });
  try {
    writeFileSync(path.join(privateDir.name, 'rest.txt'), x, { flag: 'wx', mode: 0o600 });
    return readFileSync(path.join(privateDir.name, 'rest.txt'), 'utf8') + Object.keys(restFs).length;
  } finally {
    privateDir.removeCallback();
  }
}
module.exports = { f };
