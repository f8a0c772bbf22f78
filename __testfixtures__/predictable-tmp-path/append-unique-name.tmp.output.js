const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function collectOutput(chunks) {
  const privateDir = tmp.dirSync({ prefix: 'sink-', unsafeCleanup: true });
  try {
    const sink = path.join(privateDir.name, 'sink-' + crypto.randomUUID() + '.out');
    fs.appendFileSync(sink, 'header\n', { flag: 'ax', mode: 0o600 });
    for (const chunk of chunks) {
      fs.appendFileSync(sink, chunk, { mode: 0o600 });
    }
    return fs.readFileSync(sink, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { collectOutput };
