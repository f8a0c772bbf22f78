const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const tmp = require('tmp');

// The program creates the file (pattern 13): nothing in JavaScript creates it first.
function sortWords(words) {
  const privateDir = tmp.dirSync({ prefix: 'sorted-words-', unsafeCleanup: true });
  try {
    const out = path.join(privateDir.name, 'sorted-words.txt');
    execFileSync('sh', ['-c', 'printf "%s\\n" "$@" | sort > "$0"', out, ...words]);
    const sorted = fs.readFileSync(out, 'utf8').trim().split('\n');
    if (sorted.includes('boom')) throw new Error('boom');
    return sorted;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { sortWords };
