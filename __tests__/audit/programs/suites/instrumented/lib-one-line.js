/* Written to one line by the instrumenting hook. */
const fs = require('fs');
const os = require('os');
const path = require('path');
module.exports = () => fs.writeFileSync(path.join(os.tmpdir(), 'one-line.txt'), 'x');
