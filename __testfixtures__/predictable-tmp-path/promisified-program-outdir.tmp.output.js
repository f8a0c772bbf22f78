// A converter run through promisify(execFile) with the temp directory as its output directory.
const fs = require('fs').promises;
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');
const { promisify } = require('util');
const tmp = require('tmp');

const WRITER = "require('fs').writeFileSync(require('path').join(process.argv[1], process.argv[2] + '.out'), process.argv[3].toUpperCase())";

async function convert(name, text) {
  const outDir = os.tmpdir();
  const privateDir = tmp.dirSync({ prefix: 'convert-', unsafeCleanup: true });
  try {
    await promisify(execFile)(process.execPath, ['-e', WRITER, privateDir.name, name, text]);
    const produced = path.join(privateDir.name, `${name}.out`);
    const result = await fs.readFile(produced, 'utf8');
    await fs.unlink(produced);
    return result;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { convert };
