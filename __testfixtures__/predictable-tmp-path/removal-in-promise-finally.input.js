const fs = require('fs');
const os = require('os');
const path = require('path');

// Removed in the promise's finally: the private directory goes there instead.
function roundTrip(text) {
  const file = path.join(os.tmpdir(), 'later.txt');
  fs.writeFileSync(file, text);
  return fs.promises.readFile(file, 'utf8').finally(() => fs.unlinkSync(file));
}

module.exports = { roundTrip };
