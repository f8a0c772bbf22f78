const fs = require('fs');
const os = require('os');
const path = require('path');

// An installer's download cache (node-chromedriver's shape): the first writable candidate, keyed by
// the version, found again by later installs.
function findCacheDirectory(driverVersion) {
  const candidates = [process.env.npm_config_tmp, os.tmpdir(), path.join(process.cwd(), 'tmp')];
  for (const base of candidates) {
    if (!base) continue;
    const namespace = driverVersion;
    const candidate = path.join(base, namespace, 'driver');
    try {
      fs.mkdirSync(candidate, { recursive: true });
      return candidate;
    } catch (e) {
      console.log(candidate, 'is not writable:', e.message);
    }
  }
  throw new Error('no writable cache directory');
}

module.exports = { findCacheDirectory };
