const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const tmp = require('tmp');

// The temp directory itself is the program's output directory: its files land there by name.
function render(name, text) {
  const privateDir = tmp.dirSync({ prefix: 'render-', unsafeCleanup: true });
  try {
    execFileSync('sh', ['-c', 'printf "%s" "$2" > "$0/$1.out"', privateDir.name, name, text]);
    const rendered = fs.readFileSync(path.join(privateDir.name, `${name}.out`), 'utf8');
    if (rendered === 'fail') throw new Error('render failed');
    return rendered.toUpperCase();
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { render };
