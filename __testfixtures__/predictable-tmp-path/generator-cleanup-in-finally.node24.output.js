const fs = require('fs');
const os = require('os');
const path = require('path');

function* numberedLines(text) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'lines-'));
  const buffer = path.join(privateDir.path, 'lines.buf');
  fs.writeFileSync(buffer, text, { flag: 'wx', mode: 0o600 });
  let n = 0;
  for (const line of fs.readFileSync(buffer, 'utf8').split('\n')) {
    yield `${++n}: ${line}`;
  }
}

module.exports = { numberedLines };
