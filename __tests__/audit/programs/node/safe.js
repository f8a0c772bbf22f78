// Safe code: nothing here may be recorded, and nothing is left behind.
const fs = require('fs');
const os = require('os');
const path = require('path');
const tmp = require('tmp');

module.exports = async function safe() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safe-'));
  fs.writeFileSync(path.join(dir, 'app.json'), '{}');
  fs.mkdirSync(path.join(dir, 'nested', 'deeper'), { recursive: true });
  fs.appendFileSync(path.join(dir, 'nested', 'log.txt'), 'line');
  fs.rmSync(dir, { recursive: true, force: true });

  const exclusive = path.join(os.tmpdir(), `exclusive-${process.pid}`);
  fs.writeFileSync(exclusive, 'x', { flag: 'wx', mode: 0o600 });
  const fd = fs.openSync(`${exclusive}.bin`, 'wx', 0o600);
  fs.closeSync(fd);
  fs.unlinkSync(exclusive);
  fs.unlinkSync(`${exclusive}.bin`);

  const file = tmp.fileSync();
  fs.writeSync(file.fd, 'tmp');
  file.removeCallback();
  const tmpDir = tmp.dirSync({ unsafeCleanup: true });
  fs.writeFileSync(path.join(tmpDir.name, 'inside.txt'), 'tmp');
  tmpDir.removeCallback();

  const asyncDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'safe-async-'));
  await fs.promises.writeFile(path.join(asyncDir, 'a.txt'), 'a');
  await fs.promises.rm(asyncDir, { recursive: true });
  await new Promise((resolve, reject) => {
    fs.mkdtemp(path.join(os.tmpdir(), 'safe-cb-'), (error, made) => (error ? reject(error) : fs.rmdir(made, resolve)));
  });
};
