const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

// A program makes the file, then the code rewrites it: no 'wx' on that second write.
function shout(words) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shout-'));
  try {
    const out = path.join(privateDir, 'shout.txt');
    execFileSync('sh', ['-c', 'printf "%s\\n" "$@" | sort > "$0"', out, ...words]);
    fs.writeFileSync(out, fs.readFileSync(out, 'utf8').toUpperCase(), { mode: 0o600 });
    return fs.readFileSync(out, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { shout };
