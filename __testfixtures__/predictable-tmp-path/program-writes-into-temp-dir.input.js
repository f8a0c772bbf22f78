const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

// The temp directory itself is the program's output directory: its files land there by name.
function render(name, text) {
  execFileSync('sh', ['-c', 'printf "%s" "$2" > "$0/$1.out"', os.tmpdir(), name, text]);
  const rendered = fs.readFileSync(path.join(os.tmpdir(), `${name}.out`), 'utf8');
  if (rendered === 'fail') throw new Error('render failed');
  return rendered.toUpperCase();
}

module.exports = { render };
