const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

function collectOutput(chunks) {
  const sink = path.join(os.tmpdir(), 'sink-' + crypto.randomUUID() + '.out');
  fs.appendFileSync(sink, 'header\n');
  for (const chunk of chunks) {
    fs.appendFileSync(sink, chunk);
  }
  return fs.readFileSync(sink, 'utf8');
}

module.exports = { collectOutput };
