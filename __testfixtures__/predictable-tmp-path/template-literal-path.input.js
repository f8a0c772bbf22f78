const fs = require('fs');

function renderChart(id, svg) {
  const out = `/tmp/chart-${id}.svg`;
  fs.writeFileSync(out, svg);
  return fs.readFileSync(out, 'utf8').length;
}

module.exports = { renderChart };
