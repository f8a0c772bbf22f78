const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');

// A shell command line creates the file (`> ${out}`): the path pieced into it moves into the private directory.
function countWords(text) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'words-'));
  const out = path.join(privateDir.path, 'words.txt');
  execSync(`printf '%s' "$TEXT" | wc -w > ${out}`, { env: { ...process.env, TEXT: text } });
  return Number(fs.readFileSync(out, 'utf8').trim());
}

function upper(text) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'upper-'));
  const result = `${privateDir.path}/upper.txt`;
  execSync('printf "%s" "$TEXT" | tr a-z A-Z > ' + result, { env: { ...process.env, TEXT: text } });
  return fs.readFileSync(result, 'utf8');
}

function both(text) {
  return [countWords(text), upper(text)];
}

module.exports = { both };
