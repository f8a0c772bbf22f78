const fs = require('fs');
const os = require('os');
const path = require('path');

async function exportReport(rows, options = {}) {
  const { outDir = os.tmpdir() } = options;
  const file = path.join(outDir, 'report.csv');
  await fs.promises.writeFile(file, rows.join('\n'));
  return file;
}

function exportSummary(text, options) {
  const settings = { outDir: os.tmpdir(), ...options };
  const file = path.join(settings.outDir, 'summary.txt');
  fs.writeFileSync(file, text);
  return file;
}

module.exports = { exportReport, exportSummary };
