const { randomUUID } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

// The editor outlives the call and nothing removes the file: a private directory would be one more
// entry left per call, so the creation is made exclusive and owner-only where it stands.
function openInEditor(text) {
  const file = path.join(os.tmpdir(), `edit-${randomUUID()}.txt`);
  fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  spawn('editor', [file], { detached: true, stdio: 'ignore' }).unref();
}

// Math.random() is no secure generator: not made in place.
function sendWeak(text, send) {
  const file = path.join(os.tmpdir(), 'w-' + Math.random().toString(36).slice(2));
  fs.writeFileSync(file, text);
  send(file);
}

// Written again on every pass of a loop: 'ax' would fail on the second pass.
function sendAll(items, send) {
  const file = path.join(os.tmpdir(), 'l-' + randomUUID());
  for (const item of items) fs.appendFileSync(file, item);
  send(file);
}

module.exports = { openInEditor, sendWeak, sendAll };
