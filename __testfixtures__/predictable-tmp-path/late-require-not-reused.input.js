const fs = require('fs');
const os = require('os');

function save(d) {
  const file = os.tmpdir() + '/save.json';
  fs.writeFileSync(file, d);
  return fs.readFileSync(file, 'utf8');
}

// Runs before the require below: a rewrite that leaned on that `path` would throw a ReferenceError.
const warmUp = save('warm-up');

const path = require('path');

module.exports = { save, warmUp, path };
