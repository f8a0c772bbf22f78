const fs = require('fs');
const os = require('os');
const path = require('path');

function workDir() {
  const d = path.join(os.tmpdir(), 'myapp-work');
  fs.mkdirSync(d, { recursive: true });
  return d;
}
function save(name, data) {
  fs.writeFileSync(path.join(workDir(), name), data);
}
function load(name) {
  return fs.readFileSync(path.join(workDir(), name), 'utf8');
}
save('a.txt', 'hello');
console.log(load('a.txt'));
