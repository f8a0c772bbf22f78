const fs = require('fs');
const os = require('os');
const path = require('path');
const tmp = require('tmp');

// The same shared name, spelled three more ways: an array joined by '/', String#concat, a destructured tmpdir.
function viaJoin(text) {
  const privateDir = tmp.dirSync({ prefix: 'notes-', unsafeCleanup: true });
  try {
    const notes = [privateDir.name, 'notes.txt'].join('/');
    fs.writeFileSync(notes, text, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(notes, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

function viaConcat(text) {
  const privateDir = tmp.dirSync({ prefix: 'draft-', unsafeCleanup: true });
  try {
    const draft = privateDir.name.concat('/draft.txt');
    fs.writeFileSync(draft, text, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(draft, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

function viaDestructuring(text) {
  const { tmpdir: systemTemp } = os;
  const privateDir = tmp.dirSync({ prefix: 'memo-', unsafeCleanup: true });
  try {
    const memo = path.join(privateDir.name, 'memo.txt');
    fs.writeFileSync(memo, text, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(memo, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

function all(text) {
  return [viaJoin(text), viaConcat(text), viaDestructuring(text)];
}

module.exports = { all };
