/* tmpfix-ignore-file */
// Test helper: the fixed names are what the integration suite looks for.
const fs = require('fs');
const os = require('os');
const path = require('path');

function seedFixture(name, body) {
  const target = path.join(os.tmpdir(), name + '.fixture');
  fs.writeFileSync(target, body);
  return fs.readFileSync(target, 'utf8');
}

module.exports = { seedFixture };
