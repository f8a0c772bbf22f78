const fs = require('fs');
const os = require('os');
const path = require('path');

function bundleSizes(modules) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'bundle-out-'));
  const outDir = path.join(privateDir.path, 'bundle-out');
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 });
  for (const [name, code] of Object.entries(modules)) {
    fs.writeFileSync(path.join(outDir, name + '.js'), code, { mode: 0o600 });
  }
  const names = fs.readdirSync(outDir).sort();
  if (names.length === 0) {
    throw new Error('empty bundle');
  }
  return names;
}

module.exports = { bundleSizes };
