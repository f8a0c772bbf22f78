const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function validateXml(xml) {
  const privateDir = tmp.dirSync({ prefix: 'validate-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'validate.xml');
    fs.writeFileSync(file, xml, { flag: 'wx', mode: 0o600 });
    const content = fs.readFileSync(file, 'utf8');
    if (!content.startsWith('<?xml')) {
      throw new Error('not xml'); // leaves validate.xml behind
    }
    fs.unlinkSync(file);
    return content.length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { validateXml };
