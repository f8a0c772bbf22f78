const fs = require('fs'); const os = require('os'); const path = require('path');
function f() {
  const p = path.join(os.tmpdir(), 'i1.json');
  let made = false;
  try { fs.statSync(p, { throwIfNoEntry: false }); } catch {
    fs.writeFileSync(p, '{"n":1}');
    made = true;
  }
  fs.writeFileSync(p, 'second');
  return made + ':' + fs.readFileSync(p, 'utf8');
}
console.log(f());
