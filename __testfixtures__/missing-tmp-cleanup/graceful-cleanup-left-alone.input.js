const fs = require('fs');
const tmp = require('tmp');

// tmp removes its files at exit once setGracefulCleanup() was called: cleanup on purpose.
tmp.setGracefulCleanup();

function note(text) {
  const tmpobj = tmp.fileSync();
  fs.writeFileSync(tmpobj.name, text);
  return fs.readFileSync(tmpobj.name, 'utf8');
}

module.exports = { note };
