const fs = require('fs');
const os = require('os');
const path = require('path');

function writeRows(rows) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rows-'));
  try {
    const out = path.join(privateDir, 'rows.tsv');
    fs.writeFileSync(out, '', { flag: 'wx', mode: 0o600 });
    rows.forEach((row) => {
      fs.appendFileSync(out, row.join('\t') + '\n', { mode: 0o600 });
    });
    return fs.readFileSync(out, 'utf8').split('\n').length - 1;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { writeRows };
