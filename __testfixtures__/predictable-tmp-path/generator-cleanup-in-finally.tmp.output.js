const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function* numberedLines(text) {
  const privateDir = tmp.dirSync({ prefix: 'lines-', unsafeCleanup: true });
  try {
    const buffer = path.join(privateDir.name, 'lines.buf');
    fs.writeFileSync(buffer, text, { flag: 'wx', mode: 0o600 });
    let n = 0;
    for (const line of fs.readFileSync(buffer, 'utf8').split('\n')) {
      yield `${++n}: ${line}`;
    }
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { numberedLines };
