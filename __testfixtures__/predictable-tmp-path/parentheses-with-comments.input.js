const fs = require('fs');
const f = (x) => (fs.writeFileSync('/tmp/r1.txt', x), fs.readFileSync('/tmp/r1.txt', 'utf8') /* done :) */);
function g(x) {
  const p = ('/tmp' /* shared :) */) + '/r2g.txt';
  fs.writeFileSync(p, x);
  return fs.readFileSync(p, 'utf8');
}
module.exports = { f, g };
