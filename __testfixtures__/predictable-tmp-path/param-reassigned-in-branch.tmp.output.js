// A parameter that is either the caller's file or, when missing, a file this function writes first.
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function wordCount(source, words) {
  const privateDir = tmp.dirSync({ prefix: 'words-', unsafeCleanup: true });
  try {
    if (typeof source !== 'string') {
      source = path.join(privateDir.name, `words-${Date.now()}.txt`);
      fs.writeFileSync(source, words.join(' '), { flag: 'wx', mode: 0o600 });
    }
    return fs.readFileSync(source, 'utf8').split(' ').length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { wordCount };
