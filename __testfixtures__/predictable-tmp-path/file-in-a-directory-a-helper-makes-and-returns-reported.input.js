const fs = require('fs');
const os = require('os');
const path = require('path');
const { randomUUID } = require('crypto');

function workDir(prefix = `notes-${randomUUID()}`) {
  const dir = path.join(os.tmpdir(), prefix);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function saveNote(text, name) {
  const file = name ? path.join(workDir(), name) : path.join(os.tmpdir(), `note-${randomUUID()}`);
  fs.writeFileSync(file, text);
  return file;
}

module.exports = { saveNote, workDir };
