const fs = require('fs');
const os = require('os');
const path = require('path');
const tmp = require('tmp');

async function roundTrip(text) {
  const privateDir = tmp.dirSync({ prefix: 'm2fh-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'm2fh.txt');
    const handle = await fs.promises.open(file, 'wx', 0o600);
    await handle.write(text);
    await handle.close();
    return await fs.promises.readFile(file, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}

function dumpCb(x) {
  fs.writeFile(path.join(os.tmpdir(), 'h1-cb.json'), JSON.stringify(x), () => {});
}
module.exports = { roundTrip, dumpCb };
