const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

function collectOutput(chunks) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'sink-'));
  const sink = path.join(privateDir.path, 'sink-' + crypto.randomUUID() + '.out');
  fs.appendFileSync(sink, 'header\n', { flag: 'ax', mode: 0o600 });
  for (const chunk of chunks) {
    fs.appendFileSync(sink, chunk, { mode: 0o600 });
  }
  return fs.readFileSync(sink, 'utf8');
}

module.exports = { collectOutput };
