const fs = require('fs')
const os = require('os')
const path = require('path')

function ensureEmptyQueue() {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'queue-'))
  const queueFile = path.join(privateDir, 'queue.ndjson')
  fs.writeFileSync(queueFile, '', { flag: 'wx', mode: 0o600 })
  return queueFile
}

module.exports = { ensureEmptyQueue }
