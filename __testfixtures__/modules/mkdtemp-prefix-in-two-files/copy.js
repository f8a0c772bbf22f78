const fs = require('fs');
const os = require('os');
const path = require('path');

function copyNotes(notes) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-scratch-'));
  try {
    for (const note of notes) fs.writeFileSync(path.join(dir, note), note);
    return fs.readdirSync(dir).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { copyNotes };
