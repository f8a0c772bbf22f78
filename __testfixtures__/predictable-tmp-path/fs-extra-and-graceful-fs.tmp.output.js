const fse = require('fs-extra');
const gfs = require('graceful-fs');
const path = require('path');
const tmp = require('tmp');

async function stage(config) {
  const privateDir = tmp.dirSync({ prefix: 'stage-', unsafeCleanup: true });
  try {
    const dir = path.join(privateDir.name, 'stage');
    await fse.ensureDir(dir, { mode: 0o700 });
    await fse.writeJson(path.join(dir, 'config.json'), config, { flag: 'wx', mode: 0o600 });
    const back = await fse.readJson(path.join(dir, 'config.json'));
    return back.name;
  } finally {
    privateDir.removeCallback();
  }
}

function link(target) {
  const privateDir = tmp.dirSync({ prefix: 'current-', unsafeCleanup: true });
  try {
    const where = path.join(privateDir.name, 'current');
    gfs.symlinkSync(target, where);
    const resolved = gfs.readlinkSync(where);
    gfs.unlinkSync(where);
    return resolved;
  } finally {
    privateDir.removeCallback();
  }
}

function copy(src) {
  const privateDir = tmp.dirSync({ prefix: 'copy-', unsafeCleanup: true });
  try {
    const dest = path.join(privateDir.name, 'copy.bin');
    gfs.copyFileSync(src, dest);
    return gfs.statSync(dest).size;
  } finally {
    privateDir.removeCallback();
  }
}
module.exports = { stage, link, copy };
