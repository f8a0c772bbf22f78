const { writeFileSync, readFileSync, ...restFs } = require('fs');
function f(x) {
  writeFileSync('/tmp/rest.txt', x);
  return readFileSync('/tmp/rest.txt', 'utf8') + Object.keys(restFs).length;
}
module.exports = { f };
