const fs = require('fs');
const os = require('os');
const path = require('path');

// The same shared name, spelled three more ways: an array joined by '/', String#concat, a destructured tmpdir.
function viaJoin(text) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notes-'));
  try {
    const notes = [privateDir, 'notes.txt'].join('/');
    fs.writeFileSync(notes, text, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(notes, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

function viaConcat(text) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-'));
  try {
    const draft = privateDir.concat('/draft.txt');
    fs.writeFileSync(draft, text, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(draft, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

function viaDestructuring(text) {
  const { tmpdir: systemTemp } = os;
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memo-'));
  try {
    const memo = path.join(privateDir, 'memo.txt');
    fs.writeFileSync(memo, text, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(memo, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

function all(text) {
  return [viaJoin(text), viaConcat(text), viaDestructuring(text)];
}

module.exports = { all };
