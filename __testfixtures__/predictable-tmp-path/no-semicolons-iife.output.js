const path = require('path');
const os = require('os');
(function () {
  const fs = require('fs')
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'a1-'))
  try {
    fs.writeFileSync(path.join(privateDir, 'a1.txt'), 'x', { flag: 'wx', mode: 0o600 })
    console.log(fs.readFileSync(path.join(privateDir, 'a1.txt'), 'utf8'))
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true })
  }
})()
