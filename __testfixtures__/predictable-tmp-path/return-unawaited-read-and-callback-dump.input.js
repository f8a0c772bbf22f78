const fs = require('fs');
const os = require('os');
const path = require('path');

async function roundTrip(text) {
  const file = path.join(os.tmpdir(), 'm2fh.txt');
  const handle = await fs.promises.open(file, 'w');
  await handle.write(text);
  await handle.close();
  return fs.promises.readFile(file, 'utf8');
}

function dumpCb(x) {
  fs.writeFile(path.join(os.tmpdir(), 'h1-cb.json'), JSON.stringify(x), () => {});
}
module.exports = { roundTrip, dumpCb };
