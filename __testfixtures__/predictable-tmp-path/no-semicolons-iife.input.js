(function () {
  const fs = require('fs')
  fs.writeFileSync('/tmp/a1.txt', 'x')
  console.log(fs.readFileSync('/tmp/a1.txt', 'utf8'))
})()
