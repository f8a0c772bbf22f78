const fs = require('fs'); const os = require('os'); const path = require('path');
const out = path.join(os.tmpdir(), 'm1.txt');
fs.writeFileSync(out, '');
['a', 'b'].forEach((it) => fs.appendFileSync(out, it));
console.log(fs.readFileSync(out, 'utf8'));
