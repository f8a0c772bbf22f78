const fs = require('fs');
const os = require('os');
const path = require('path');

function twoPass(source) {
  const work = path.join(os.tmpdir(), 'two-pass.js');
  fs.writeFileSync(work, source);
  fs.writeFileSync(work, fs.readFileSync(work, 'utf8').replace(/var /g, 'let '));
  return fs.readFileSync(work, 'utf8');
}

module.exports = { twoPass };
