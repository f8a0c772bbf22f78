const fs = require('fs');
const tmp = require('tmp');
const util = require('util');
const path = require('path');
const os = require('os');

const tmpName = util.promisify(tmp.tmpName);

// The callback API wrapped by util.promisify: still only a name.
async function packSize(data) {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'packSize-'));
  const file = path.join(privateDir.path, 'tmp.vsix');
  await fs.promises.writeFile(file, data, { flag: 'wx', mode: 0o600 });
  const size = (await fs.promises.stat(file)).size;
  if (size > 64) throw new Error('package too big');
  await fs.promises.unlink(file);
  return size;
}

module.exports = { packSize };
