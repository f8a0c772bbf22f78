const fs = require('fs')
const path = require('path')
const tmp = require('tmp')
function f(x) { const privateDir = tmp.dirSync({ prefix: 'a2-', unsafeCleanup: true }); try { fs.writeFileSync(path.join(privateDir.name, 'a2'), x, { flag: 'wx', mode: 0o600 }); return fs.readFileSync(path.join(privateDir.name, 'a2'), 'utf8') } finally { privateDir.removeCallback() } }
module.exports = { f }
