const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

function collectOutput(chunks) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sink-'));
  try {
    const sink = path.join(privateDir, 'sink-' + crypto.randomUUID() + '.out');
    fs.appendFileSync(sink, 'header\n', { flag: 'ax', mode: 0o600 });
    for (const chunk of chunks) {
      fs.appendFileSync(sink, chunk, { mode: 0o600 });
    }
    return fs.readFileSync(sink, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { collectOutput };
