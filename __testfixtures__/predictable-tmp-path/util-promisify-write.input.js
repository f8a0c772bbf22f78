const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const writeFile = util.promisify(fs.writeFile);
const readFile = util.promisify(fs.readFile);

async function work(data) {
  const file = path.join(os.tmpdir(), 'prom.txt');
  await writeFile(file, data);
  return (await readFile(file, 'utf8')).length;
}
work('hello').then(console.log);
