// A directory of the command's own in the temp directory, as tempy makes one (mkdirSync of a random
// name, mode 0755): nobody else can plant a name in it, but what is made there with mode 0644 can be
// read by others. A child of the command writing there is seen the same way.
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(os.tmpdir(), `own-${process.pid}`);
fs.mkdirSync(dir); // audit: insecure-creation
const file = path.join(dir, 'test.png');
if (!fs.existsSync(file)) fs.writeFileSync(file, 'png'); // audit: insecure-creation
fs.writeFileSync(path.join(dir, 'secret'), 's', { mode: 0o600 });
fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true, mode: 0o700 });
execFileSync(process.execPath, [path.join(__dirname, 'own-dir-child.js'), path.join(dir, 'from-child')]);
fs.rmSync(dir, { recursive: true });
