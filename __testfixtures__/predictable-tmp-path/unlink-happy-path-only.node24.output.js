const fs = require('fs');
const os = require('os');
const path = require('path');

function validateXml(xml) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'validate-'));
  const file = path.join(privateDir.path, 'validate.xml');
  fs.writeFileSync(file, xml, { flag: 'wx', mode: 0o600 });
  const content = fs.readFileSync(file, 'utf8');
  if (!content.startsWith('<?xml')) {
    throw new Error('not xml'); // leaves validate.xml behind
  }
  fs.unlinkSync(file);
  return content.length;
}

module.exports = { validateXml };
