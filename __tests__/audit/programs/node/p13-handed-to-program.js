// Pattern 13: a temp path handed to another program, and child processes (Node and Python) started
// with an environment of their own: they are recorded too.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = function handedToProgram() {
  const input = path.join(os.tmpdir(), 'input.txt');
  fs.writeFileSync(input, 'hello'); // audit: insecure-creation
  const echoed = execFileSync('cat', [input], { encoding: 'utf8' });
  fs.unlinkSync(input);
  const env = { PATH: process.env.PATH, TMPDIR: os.tmpdir() };
  execFileSync(process.execPath, [path.join(__dirname, '..', 'children', 'child.js')], { env, stdio: 'inherit' });
  execFileSync('python3', [path.join(__dirname, '..', 'children', 'child.py')], { env, stdio: 'inherit' });
  return echoed;
};
