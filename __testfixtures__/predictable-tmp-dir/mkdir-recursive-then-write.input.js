const fs = require('fs');
const os = require('os');
const path = require('path');

function bundleSizes(modules) {
  const outDir = path.join(os.tmpdir(), 'bundle-out');
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, code] of Object.entries(modules)) {
    fs.writeFileSync(path.join(outDir, name + '.js'), code);
  }
  const names = fs.readdirSync(outDir).sort();
  if (names.length === 0) {
    throw new Error('empty bundle');
  }
  return names;
}

module.exports = { bundleSizes };
