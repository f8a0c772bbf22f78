const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function loadDefaults(overrides) {
  const privateDir = tmp.dirSync({ prefix: 'defaults-', unsafeCleanup: true });
  try {
    const defaultsFile = path.join(privateDir.name, 'defaults.json');
    // first run: seed the file
    fs.writeFileSync(defaultsFile, JSON.stringify({ retries: 3, timeout: 30 }), { flag: 'wx', mode: 0o600 });
    const defaults = JSON.parse(fs.readFileSync(defaultsFile, 'utf8'));
    if (overrides.retries < 0) {
      throw new Error('retries must be positive');
    }
    return { ...defaults, ...overrides };
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { loadDefaults };
