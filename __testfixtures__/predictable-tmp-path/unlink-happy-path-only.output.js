const fs = require('fs');
const os = require('os');
const path = require('path');

function validateXml(xml) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-'));
  try {
    const file = path.join(privateDir, 'validate.xml');
    fs.writeFileSync(file, xml, { flag: 'wx', mode: 0o600 });
    const content = fs.readFileSync(file, 'utf8');
    if (!content.startsWith('<?xml')) {
      throw new Error('not xml'); // leaves validate.xml behind
    }
    fs.unlinkSync(file);
    return content.length;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { validateXml };
