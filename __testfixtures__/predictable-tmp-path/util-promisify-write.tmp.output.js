const fs = require('fs');
const path = require('path');
const util = require('util');
const tmp = require('tmp');
const writeFile = util.promisify(fs.writeFile);
const readFile = util.promisify(fs.readFile);

async function work(data) {
  const privateDir = tmp.dirSync({ prefix: 'prom-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'prom.txt');
    await writeFile(file, data, { flag: 'wx', mode: 0o600 });
    return (await readFile(file, 'utf8')).length;
  } finally {
    privateDir.removeCallback();
  }
}
work('hello').then(console.log);
