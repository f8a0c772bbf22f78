const fse = require('fs-extra');
const gfs = require('graceful-fs');
const os = require('os');
const path = require('path');
const fs = require('fs');

async function stage(config) {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'stage-'));
  try {
    await fse.writeJson(path.join(dir, 'config.json'), config, { flag: 'wx', mode: 0o600 });
    const back = await fse.readJson(path.join(dir, 'config.json'));
    return back.name;
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

function link(target) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'current-'));
  try {
    const where = path.join(privateDir, 'current');
    gfs.symlinkSync(target, where);
    const resolved = gfs.readlinkSync(where);
    gfs.unlinkSync(where);
    return resolved;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

function copy(src) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'copy-'));
  try {
    const dest = path.join(privateDir, 'copy.bin');
    gfs.copyFileSync(src, dest);
    return gfs.statSync(dest).size;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
module.exports = { stage, link, copy };
