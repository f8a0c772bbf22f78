const path = require('path');
function a() { const { tmpdir } = require('os'); return tmpdir(); }
function b(data) {
  const fs = require('fs');
  fs.writeFileSync('/tmp/w1.json', data);
  return fs.readFileSync('/tmp/w1.json', 'utf8');
}
module.exports = { a, b };
