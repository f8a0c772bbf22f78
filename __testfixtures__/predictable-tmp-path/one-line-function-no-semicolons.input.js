const fs = require('fs')
function f(x) { fs.writeFileSync('/tmp/a2', x); return fs.readFileSync('/tmp/a2', 'utf8') }
module.exports = { f }
