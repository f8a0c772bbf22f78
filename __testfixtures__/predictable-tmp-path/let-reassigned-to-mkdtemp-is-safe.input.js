const fs = require('fs');
const os = require('os');

function k() {
  let d = os.tmpdir();
  d = fs.mkdtempSync(d + '/k-');
  fs.writeFileSync(d + '/a', 'a');
  return fs.readFileSync(d + '/a', 'utf8');
}
module.exports = { k };
