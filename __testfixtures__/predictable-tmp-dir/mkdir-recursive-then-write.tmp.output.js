const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function bundleSizes(modules) {
  const privateDir = tmp.dirSync({ prefix: 'bundle-out-', unsafeCleanup: true });
  try {
    const outDir = path.join(privateDir.name, 'bundle-out');
    fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
    for (const [name, code] of Object.entries(modules)) {
      fs.writeFileSync(path.join(outDir, name + '.js'), code, { mode: 0o600 });
    }
    const names = fs.readdirSync(outDir).sort();
    if (names.length === 0) {
      throw new Error('empty bundle');
    }
    return names;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { bundleSizes };
