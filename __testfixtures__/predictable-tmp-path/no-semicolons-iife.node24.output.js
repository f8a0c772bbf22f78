const path = require('path');
const os = require('os');
(function () {
  const fs = require('fs')
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'a1-'))
  fs.writeFileSync(path.join(privateDir.path, 'a1.txt'), 'x', { flag: 'wx', mode: 0o600 })
  console.log(fs.readFileSync(path.join(privateDir.path, 'a1.txt'), 'utf8'))
})()
