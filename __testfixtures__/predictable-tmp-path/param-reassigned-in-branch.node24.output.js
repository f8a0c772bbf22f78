// A parameter that is either the caller's file or, when missing, a file this function writes first.
const fs = require('fs');
const os = require('os');
const path = require('path');

function wordCount(source, words) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'words-'));
  if (typeof source !== 'string') {
    source = path.join(privateDir.path, `words-${Date.now()}.txt`);
    fs.writeFileSync(source, words.join(' '), { flag: 'wx', mode: 0o600 });
  }
  return fs.readFileSync(source, 'utf8').split(' ').length;
}

module.exports = { wordCount };
