const fs = require('fs')
const path = require('path')
const os = require('os')
function f(x) { const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'a2-')); try { fs.writeFileSync(path.join(privateDir, 'a2'), x, { flag: 'wx', mode: 0o600 }); return fs.readFileSync(path.join(privateDir, 'a2'), 'utf8') } finally { fs.rmSync(privateDir, { recursive: true, force: true }) } }
module.exports = { f }
