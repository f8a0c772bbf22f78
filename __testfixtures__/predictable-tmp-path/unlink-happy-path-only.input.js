const fs = require('fs');
const os = require('os');
const path = require('path');

function validateXml(xml) {
  const file = path.join(os.tmpdir(), 'validate.xml');
  fs.writeFileSync(file, xml);
  const content = fs.readFileSync(file, 'utf8');
  if (!content.startsWith('<?xml')) {
    throw new Error('not xml'); // leaves validate.xml behind
  }
  fs.unlinkSync(file);
  return content.length;
}

module.exports = { validateXml };
