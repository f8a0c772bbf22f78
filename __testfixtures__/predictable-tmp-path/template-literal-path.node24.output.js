const fs = require('fs');
const path = require('path');
const os = require('os');

function renderChart(id, svg) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'chart-'));
  const out = `${privateDir.path}/chart-${id}.svg`;
  fs.writeFileSync(out, svg, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(out, 'utf8').length;
}

module.exports = { renderChart };
