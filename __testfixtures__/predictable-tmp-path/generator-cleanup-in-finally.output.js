const fs = require('fs');
const os = require('os');
const path = require('path');

function* numberedLines(text) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lines-'));
  try {
    const buffer = path.join(privateDir, 'lines.buf');
    fs.writeFileSync(buffer, text, { flag: 'wx', mode: 0o600 });
    let n = 0;
    for (const line of fs.readFileSync(buffer, 'utf8').split('\n')) {
      yield `${++n}: ${line}`;
    }
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { numberedLines };
