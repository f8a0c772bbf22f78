const fs = require('fs');
const path = require('path');
const util = require('util');
const { execFile } = require('child_process');
const tmp = require('tmp');

const execFileP = util.promisify(execFile);
const debug = (...args) => process.env.DEBUG_CONVERT && console.error(...args);

// An awaited child process and a debug log do not take the path out of the function.
async function convert(input) {
  const privateDir = tmp.dirSync({ prefix: 'convert-in-', unsafeCleanup: true });
  try {
    const src = path.join(privateDir.name, 'convert-in.txt');
    fs.writeFileSync(src, input, { flag: 'wx', mode: 0o600 });
    debug('wrote %s', src);
    const { stdout } = await execFileP('cat', [src]);
    if (stdout.includes('error')) throw new Error('conversion failed');
    return stdout.toUpperCase();
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { convert };
