const fs = require('fs');
const os = require('os');
const path = require('path');

// The removal at the end is skipped when a write or the check throws first.
function countFiles(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'count-'));
  try {
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
    const count = fs.readdirSync(dir).length;
    if (count > 3) throw new Error('too many files');
    return count;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { countFiles };
