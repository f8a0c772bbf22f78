const fs = require('fs');
const os = require('os');
const path = require('path');

function swap(a, i, j) {
  let tmp = a[i];
  a[i] = a[j];
  a[j] = tmp;
  return a;
}

function explainSetup() {
  console.log('Scratch files live in /tmp/ unless TMPDIR says otherwise');
  const tmpdirHint = `set TMPDIR to move ${os.tmpdir()}`;
  return tmpdirHint;
}

function readPreviousReport() {
  // reading a shared name creates nothing
  const report = path.join(os.tmpdir(), 'last-report.txt');
  return fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : '';
}

const tmpFiles = ['a.tmp', 'b.tmp'].map((name) => name.toUpperCase());

module.exports = { swap, explainSetup, readPreviousReport, tmpFiles };
