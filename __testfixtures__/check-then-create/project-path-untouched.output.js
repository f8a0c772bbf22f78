const fs = require('fs');
const path = require('path');

// Not a temp path: the project's own config next to the code.
function ensureLocalConfig() {
  const config = path.join(__dirname, 'config.local.json');
  if (!fs.existsSync(config)) {
    fs.writeFileSync(config, '{}');
  }
  return config;
}

module.exports = { ensureLocalConfig };
