const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const tmp = require('tmp');

// A program makes the file, then the code rewrites it: no 'wx' on that second write.
function shout(words) {
  const privateDir = tmp.dirSync({ prefix: 'shout-', unsafeCleanup: true });
  try {
    const out = path.join(privateDir.name, 'shout.txt');
    execFileSync('sh', ['-c', 'printf "%s\\n" "$@" | sort > "$0"', out, ...words]);
    fs.writeFileSync(out, fs.readFileSync(out, 'utf8').toUpperCase(), { mode: 0o600 });
    return fs.readFileSync(out, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { shout };
