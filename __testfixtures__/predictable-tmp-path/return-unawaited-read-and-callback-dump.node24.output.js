const fs = require('fs');
const os = require('os');
const path = require('path');

async function roundTrip(text) {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'm2fh-'));
  const file = path.join(privateDir.path, 'm2fh.txt');
  const handle = await fs.promises.open(file, 'wx', 0o600);
  await handle.write(text);
  await handle.close();
  return await fs.promises.readFile(file, 'utf8');
}

function dumpCb(x) {
  fs.writeFile(path.join(os.tmpdir(), 'h1-cb.json'), JSON.stringify(x), () => {});
}
module.exports = { roundTrip, dumpCb };
