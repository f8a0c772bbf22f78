// A converter run through promisify(execFile) with the temp directory as its output directory.
const fs = require('fs').promises;
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');
const { promisify } = require('util');

const WRITER = "require('fs').writeFileSync(require('path').join(process.argv[1], process.argv[2] + '.out'), process.argv[3].toUpperCase())";

async function convert(name, text) {
  const outDir = os.tmpdir();
  await promisify(execFile)(process.execPath, ['-e', WRITER, outDir, name, text]);
  const produced = path.join(outDir, `${name}.out`);
  const result = await fs.readFile(produced, 'utf8');
  await fs.unlink(produced);
  return result;
}

module.exports = { convert };
