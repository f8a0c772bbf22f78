const fs = require('fs');
const os = require('os');
const path = require('path');

function loadDefaults(overrides) {
  const defaultsFile = path.join(os.tmpdir(), 'defaults.json');
  if (!fs.existsSync(defaultsFile)) {
    // first run: seed the file
    fs.writeFileSync(defaultsFile, JSON.stringify({ retries: 3, timeout: 30 }));
  }
  const defaults = JSON.parse(fs.readFileSync(defaultsFile, 'utf8'));
  if (overrides.retries < 0) {
    throw new Error('retries must be positive');
  }
  return { ...defaults, ...overrides };
}

module.exports = { loadDefaults };
