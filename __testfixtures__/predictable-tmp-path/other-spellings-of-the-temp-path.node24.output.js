const fs = require('fs');
const os = require('os');
const path = require('path');

// The same shared name, spelled three more ways: an array joined by '/', String#concat, a destructured tmpdir.
function viaJoin(text) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'notes-'));
  const notes = [privateDir.path, 'notes.txt'].join('/');
  fs.writeFileSync(notes, text, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(notes, 'utf8');
}

function viaConcat(text) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'draft-'));
  const draft = privateDir.path.concat('/draft.txt');
  fs.writeFileSync(draft, text, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(draft, 'utf8');
}

function viaDestructuring(text) {
  const { tmpdir: systemTemp } = os;
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'memo-'));
  const memo = path.join(privateDir.path, 'memo.txt');
  fs.writeFileSync(memo, text, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(memo, 'utf8');
}

function all(text) {
  return [viaJoin(text), viaConcat(text), viaDestructuring(text)];
}

module.exports = { all };
