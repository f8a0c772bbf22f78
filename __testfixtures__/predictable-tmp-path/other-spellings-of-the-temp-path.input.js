const fs = require('fs');
const os = require('os');
const path = require('path');

// The same shared name, spelled three more ways: an array joined by '/', String#concat, a destructured tmpdir.
function viaJoin(text) {
  const notes = [os.tmpdir(), 'notes.txt'].join('/');
  fs.writeFileSync(notes, text);
  return fs.readFileSync(notes, 'utf8');
}

function viaConcat(text) {
  const draft = os.tmpdir().concat('/draft.txt');
  fs.writeFileSync(draft, text);
  return fs.readFileSync(draft, 'utf8');
}

function viaDestructuring(text) {
  const { tmpdir: systemTemp } = os;
  const memo = path.join(systemTemp(), 'memo.txt');
  fs.writeFileSync(memo, text);
  return fs.readFileSync(memo, 'utf8');
}

function all(text) {
  return [viaJoin(text), viaConcat(text), viaDestructuring(text)];
}

module.exports = { all };
