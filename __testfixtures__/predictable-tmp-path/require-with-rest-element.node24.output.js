const { writeFileSync, readFileSync, ...restFs } = require('fs');
const path = require('path');
const os = require('os');
const fs = require('fs');
function f(x) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'rest-'));
  writeFileSync(path.join(privateDir.path, 'rest.txt'), x, { flag: 'wx', mode: 0o600 });
  return readFileSync(path.join(privateDir.path, 'rest.txt'), 'utf8') + Object.keys(restFs).length;
}
module.exports = { f };
