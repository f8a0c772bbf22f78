const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

// The program creates the file (pattern 13): nothing in JavaScript creates it first.
function sortWords(words) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sorted-words-'));
  try {
    const out = path.join(privateDir, 'sorted-words.txt');
    execFileSync('sh', ['-c', 'printf "%s\\n" "$@" | sort > "$0"', out, ...words]);
    const sorted = fs.readFileSync(out, 'utf8').trim().split('\n');
    if (sorted.includes('boom')) throw new Error('boom');
    return sorted;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { sortWords };
