const fs = require('fs');
const os = require('os');
const path = require('path');

function* numberedLines(text) {
  const buffer = path.join(os.tmpdir(), 'lines.buf');
  fs.writeFileSync(buffer, text);
  let n = 0;
  for (const line of fs.readFileSync(buffer, 'utf8').split('\n')) {
    yield `${++n}: ${line}`;
  }
}

module.exports = { numberedLines };
