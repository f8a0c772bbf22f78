const fs = require('fs')
const path = require('path')
const os = require('os')
function f(x) { using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'a2-')); fs.writeFileSync(path.join(privateDir.path, 'a2'), x, { flag: 'wx', mode: 0o600 }); return fs.readFileSync(path.join(privateDir.path, 'a2'), 'utf8') }
module.exports = { f }
