// Pattern 6: every way to create or write a path, sync, callback, promise, stream and FileHandle.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { once } = require('events');

module.exports = async function everyWay() {
  const tmp = os.tmpdir();
  const at = (name) => path.join(tmp, name);
  fs.appendFileSync(at('log.txt'), 'line\n'); // audit: insecure-creation
  await new Promise((resolve, reject) => {
    fs.open(at('callback.txt'), 'a+', (error, fd) => (error ? reject(error) : fs.close(fd, resolve))); // audit: insecure-creation
  });
  const stream = fs.createWriteStream(at('stream.txt')); // audit: insecure-creation
  stream.end('data');
  await once(stream, 'close');
  fs.copyFileSync(at('log.txt'), at('copy.txt')); // audit: insecure-creation
  fs.renameSync(at('copy.txt'), at('renamed.txt')); // audit: insecure-creation
  fs.symlinkSync(at('log.txt'), at('link.txt'));
  fs.mkdirSync(at('plain-dir')); // audit: insecure-creation
  await fs.promises.writeFile(at('promise.txt'), 'p'); // audit: insecure-creation
  await fsp.appendFile(at('promise-append.txt'), 'q'); // audit: insecure-creation
  const handle = await fsp.open(at('handle.txt'), 'w'); // audit: insecure-creation
  await handle.write('h');
  await handle.close();
  fs.cpSync(at('log.txt'), at('cp.txt')); // audit: insecure-creation
  fs.writeFileSync(at('exclusive-default-mode.txt'), 'x', { flag: 'wx' }); // audit: insecure-creation
  for (const name of ['log.txt', 'callback.txt', 'stream.txt', 'renamed.txt', 'link.txt', 'promise.txt', 'promise-append.txt', 'handle.txt', 'cp.txt', 'exclusive-default-mode.txt']) {
    fs.unlinkSync(at(name));
  }
  fs.rmdirSync(at('plain-dir'));
};
