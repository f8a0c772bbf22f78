const fs = require('fs');
const os = require('os');
const path = require('path');

function loadDefaults(overrides) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'defaults-'));
  const defaultsFile = path.join(privateDir.path, 'defaults.json');
  // first run: seed the file
  fs.writeFileSync(defaultsFile, JSON.stringify({ retries: 3, timeout: 30 }), { flag: 'wx', mode: 0o600 });
  const defaults = JSON.parse(fs.readFileSync(defaultsFile, 'utf8'));
  if (overrides.retries < 0) {
    throw new Error('retries must be positive');
  }
  return { ...defaults, ...overrides };
}

module.exports = { loadDefaults };
