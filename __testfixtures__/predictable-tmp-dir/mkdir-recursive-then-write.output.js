const fs = require('fs');
const os = require('os');
const path = require('path');

function bundleSizes(modules) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-out-'));
  try {
    for (const [name, code] of Object.entries(modules)) {
      fs.writeFileSync(path.join(outDir, name + '.js'), code, { mode: 0o600 });
    }
    const names = fs.readdirSync(outDir).sort();
    if (names.length === 0) {
      throw new Error('empty bundle');
    }
    return names;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

module.exports = { bundleSizes };
