const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const tmp = require('tmp');

// A shell command line creates the file (`> ${out}`): the path pieced into it moves into the private directory.
function countWords(text) {
  const privateDir = tmp.dirSync({ prefix: 'words-', unsafeCleanup: true });
  try {
    const out = path.join(privateDir.name, 'words.txt');
    execSync(`printf '%s' "$TEXT" | wc -w > ${out}`, { env: { ...process.env, TEXT: text } });
    return Number(fs.readFileSync(out, 'utf8').trim());
  } finally {
    privateDir.removeCallback();
  }
}

function upper(text) {
  const privateDir = tmp.dirSync({ prefix: 'upper-', unsafeCleanup: true });
  try {
    const result = `${privateDir.name}/upper.txt`;
    execSync('printf "%s" "$TEXT" | tr a-z A-Z > ' + result, { env: { ...process.env, TEXT: text } });
    return fs.readFileSync(result, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

function both(text) {
  return [countWords(text), upper(text)];
}

module.exports = { both };
