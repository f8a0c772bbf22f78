const fs = require('fs');
const os = require('os');
const path = require('path');

// Removed in the promise's finally: the private directory goes there instead.
function roundTrip(text) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'later-'));
  const file = path.join(privateDir, 'later.txt');
  fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  return fs.promises.readFile(file, 'utf8').finally(() => fs.rmSync(privateDir, { recursive: true, force: true }));
}

module.exports = { roundTrip };
