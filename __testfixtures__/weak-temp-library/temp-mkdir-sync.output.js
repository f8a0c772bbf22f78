const fs = require('fs');
const path = require('path');
const os = require('os');

// temp.mkdirSync() takes a directory that is already there, and nothing removes this one.
function layout(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
  try {
    for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
    const count = fs.readdirSync(dir).length;
    if (count === 0) throw new Error('nothing to lay out');
    return count;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { layout };
