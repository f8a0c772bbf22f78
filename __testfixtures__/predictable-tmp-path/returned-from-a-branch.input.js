const fs = require('fs');
const os = require('os');
const path = require('path');

// Only some calls write the file; the private directory is made where the file is, so the others make none.
function exportCsv(rows, asFile) {
  let result = rows.join(',');
  if (asFile) {
    const csv = path.join(os.tmpdir(), 'export.csv');
    fs.writeFileSync(csv, result);
    result = csv;
  }
  return result;
}

// Three calls that skip the branch, then one that writes: how many directories did the skips leave?
function writeAfterSkips(rows) {
  for (let i = 0; i < 3; i++) exportCsv(rows, false);
  const left = fs.readdirSync(os.tmpdir(), { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name.startsWith('export-')).length;
  const file = exportCsv(rows, true);
  return [left, fs.readFileSync(file, 'utf8')];
}

module.exports = { exportCsv, writeAfterSkips };
