const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const writeFile = util.promisify(fs.writeFile);
const readFile = util.promisify(fs.readFile);

async function work(data) {
  const privateDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'prom-'));
  try {
    const file = path.join(privateDir, 'prom.txt');
    await writeFile(file, data, { flag: 'wx', mode: 0o600 });
    return (await readFile(file, 'utf8')).length;
  } finally {
    await fs.promises.rm(privateDir, { recursive: true, force: true });
  }
}
work('hello').then(console.log);
