// Calls that fail (EEXIST, ENOENT) create nothing: only the ones that succeed are recorded, in the
// sync, callback, promise and stream forms alike (mkdirp retries mkdir on EEXIST, for one).
const fs = require('fs');
const os = require('os');
const path = require('path');

const settle = (start) => new Promise((resolve) => start(() => resolve()));

async function main() {
  const tmp = os.tmpdir();
  const exists = path.join(tmp, 'exists');
  const missing = path.join(tmp, 'nodir');
  fs.mkdirSync(exists, 0o700);
  try { fs.mkdirSync(exists); } catch { /* EEXIST */ }
  try { fs.writeFileSync(path.join(missing, 'x'), 'a'); } catch { /* ENOENT */ }
  try { fs.openSync(exists, 'wx'); } catch { /* EEXIST */ }
  try { fs.copyFileSync(__filename, path.join(missing, 'copy')); } catch { /* ENOENT */ }
  try { fs.renameSync(path.join(tmp, 'not-there'), path.join(tmp, 'renamed')); } catch { /* ENOENT */ }
  await settle((done) => fs.mkdir(exists, done));
  await settle((done) => fs.writeFile(path.join(missing, 'y'), 'a', done));
  await settle((done) => fs.open(path.join(missing, 'o'), 'w', done));
  await settle((done) => fs.createWriteStream(path.join(missing, 's')).on('error', done));
  await fs.promises.mkdir(exists).catch(() => undefined);
  await fs.promises.writeFile(path.join(missing, 'z'), 'a').catch(() => undefined);
  await fs.promises.open(path.join(missing, 'p'), 'w').catch(() => undefined);

  // The same calls succeeding are still recorded.
  fs.writeFileSync(path.join(tmp, 'ok.txt'), 'a'); // audit: insecure-creation
  await settle((done) => fs.mkdir(path.join(tmp, 'ok-callback'), done)); // audit: insecure-creation
  await fs.promises.mkdir(path.join(tmp, 'ok-promise')); // audit: insecure-creation
  await new Promise((resolve) => fs.createWriteStream(path.join(tmp, 'ok-stream')).on('open', resolve).on('close', resolve).end('a')); // audit: insecure-creation
  for (const name of ['exists', 'ok.txt', 'ok-callback', 'ok-promise', 'ok-stream']) fs.rmSync(path.join(tmp, name), { recursive: true });
  process.stdout.write('done\n');
}

main();
