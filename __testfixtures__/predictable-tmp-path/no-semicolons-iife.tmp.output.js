const tmp = require('tmp');
const path = require('path');
(function () {
  const fs = require('fs')
  const privateDir = tmp.dirSync({ prefix: 'a1-', unsafeCleanup: true })
  try {
    fs.writeFileSync(path.join(privateDir.name, 'a1.txt'), 'x', { flag: 'wx', mode: 0o600 })
    console.log(fs.readFileSync(path.join(privateDir.name, 'a1.txt'), 'utf8'))
  } finally {
    privateDir.removeCallback()
  }
})()
