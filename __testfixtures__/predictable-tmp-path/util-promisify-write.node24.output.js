const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const writeFile = util.promisify(fs.writeFile);
const readFile = util.promisify(fs.readFile);

async function work(data) {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'prom-'));
  const file = path.join(privateDir.path, 'prom.txt');
  await writeFile(file, data, { flag: 'wx', mode: 0o600 });
  return (await readFile(file, 'utf8')).length;
}
work('hello').then(console.log);
