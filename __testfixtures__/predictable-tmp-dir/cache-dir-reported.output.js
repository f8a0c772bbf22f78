const fs = require('fs');
const os = require('os');
const path = require('path');

const CACHE_DIR = path.join(os.tmpdir(), 'eslint-cache');

function ensureCache() {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  return CACHE_DIR;
}

module.exports = { ensureCache };
