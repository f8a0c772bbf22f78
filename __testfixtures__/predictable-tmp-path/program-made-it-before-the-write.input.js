const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

// A program makes the file, then the code rewrites it: no 'wx' on that second write.
function shout(words) {
  const out = path.join(os.tmpdir(), 'shout.txt');
  execFileSync('sh', ['-c', 'printf "%s\\n" "$@" | sort > "$0"', out, ...words]);
  fs.writeFileSync(out, fs.readFileSync(out, 'utf8').toUpperCase());
  return fs.readFileSync(out, 'utf8');
}

module.exports = { shout };
