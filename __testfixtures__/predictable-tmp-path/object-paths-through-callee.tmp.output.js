const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function writeAll(files) {
  for (const file of files) fs.writeFileSync(file.path, file.contents, { mode: 0o600 });
}

// Paths travel in objects pushed into an array, and a helper writes them.
function stageKeys(names) {
  const privateDir = tmp.dirSync({ prefix: 'stageKeys-', unsafeCleanup: true });
  try {
    const files = [];
    for (const name of names) files.push({ path: path.join(privateDir.name, `${name}.key`), contents: `secret-${name}` });
    writeAll(files);
    const total = files.map((f) => fs.readFileSync(f.path, 'utf8').length).reduce((a, b) => a + b, 0);
    if (total > 100) throw new Error('too long');
    return total;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { stageKeys };
