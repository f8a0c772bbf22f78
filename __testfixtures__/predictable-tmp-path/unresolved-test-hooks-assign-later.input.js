const fs = require('fs');
const os = require('os');
const path = require('path');
const H = { b: [], a: [], t: [] };
const describe = (n, f) => f();
const beforeEach = (f) => H.b.push(f);
const afterEach = (f) => H.a.push(f);
const it = (n, f) => H.t.push(f);

describe('config', () => {
  let file;
  beforeEach(() => {
    file = path.join(os.tmpdir(), 'spec.json');
    fs.writeFileSync(file, '{"a":1}');
  });
  afterEach(() => {
    fs.unlinkSync(file);
  });
  it('reads', () => {
    console.log(JSON.parse(fs.readFileSync(file, 'utf8')).a);
  });
});
for (const t of H.t) { H.b.forEach((f) => f()); t(); H.a.forEach((f) => f()); }
