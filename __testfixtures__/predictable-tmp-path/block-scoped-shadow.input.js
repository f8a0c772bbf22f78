const fs = require('fs');
function f(data, items) {
  fs.writeFileSync('/tmp/v1.json', data);
  const out = fs.readFileSync('/tmp/v1.json', 'utf8');
  for (const it of items) { const fs = it; console.log(fs); }
  return out;
}
module.exports = { f };
