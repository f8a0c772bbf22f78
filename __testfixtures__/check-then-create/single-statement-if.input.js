const fs = require('fs')
const os = require('os')
const path = require('path')

function ensureEmptyQueue() {
  const queueFile = path.join(os.tmpdir(), 'queue.ndjson')
  if (!fs.existsSync(queueFile)) fs.writeFileSync(queueFile, '')
  return queueFile
}

module.exports = { ensureEmptyQueue }
