const fs = require('fs');
const tmp = require('tmp-promise');

// cleanup() is taken and forgotten; the path is handed out.
async function textFile(content) {
  const { path, cleanup } = await tmp.file({ discardDescriptor: true });
  fs.writeFileSync(path, content);
  return path;
}

module.exports = { textFile };
