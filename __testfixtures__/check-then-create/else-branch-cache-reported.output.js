const fs = require('fs');
const os = require('os');
const path = require('path');

function getCompiledTemplate(source, compile) {
  const cached = path.join(os.tmpdir(), 'templates.cache.js');
  if (!fs.existsSync(cached)) {
    fs.writeFileSync(cached, compile(source));
  } else {
    console.log('reusing compiled templates');
  }
  return fs.readFileSync(cached, 'utf8');
}

module.exports = { getCompiledTemplate };
