const fse = require('fs-extra');
const gfs = require('graceful-fs');
const os = require('os');
const path = require('path');
const fs = require('fs');

async function stage(config) {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'stage-'));
  const dir = path.join(privateDir.path, 'stage');
  await fse.ensureDir(dir, { mode: 0o700 });
  await fse.writeJson(path.join(dir, 'config.json'), config, { flag: 'wx', mode: 0o600 });
  const back = await fse.readJson(path.join(dir, 'config.json'));
  return back.name;
}

function link(target) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'current-'));
  const where = path.join(privateDir.path, 'current');
  gfs.symlinkSync(target, where);
  const resolved = gfs.readlinkSync(where);
  gfs.unlinkSync(where);
  return resolved;
}

function copy(src) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'copy-'));
  const dest = path.join(privateDir.path, 'copy.bin');
  gfs.copyFileSync(src, dest);
  return gfs.statSync(dest).size;
}
module.exports = { stage, link, copy };
