const fs = require('fs');
const path = require('path');
const tempDir = require('./tempdir');
const { TEMP_DIR, CACHE_DIR } = require('./consts');

// Paths built from the helpers: the rewrite happens here, where the helpers' values are used.
function renderReport(rows) {
  const out = path.join(tempDir(), 'report.csv');
  fs.writeFileSync(out, rows.map((r) => r.join(',')).join('\n'));
  return fs.readFileSync(out, 'utf8').split('\n').length;
}

function stageConfig(config) {
  const file = path.join(TEMP_DIR, 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return JSON.parse(fs.readFileSync(file, 'utf8')).name;
}

// Built in another module and shared by its importers: reported there and here (the file written
// into the directory is part of the directory's finding).
function cacheEntry(key, value) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CACHE_DIR, key), value);
}

module.exports = { renderReport, stageConfig, cacheEntry };
