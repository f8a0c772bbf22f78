/* Moved two lines down by the instrumenting hook: the call's position is an empty line. */
const fs = require('fs');
const os = require('os');
const path = require('path');
module.exports = () => fs.writeFileSync(path.join(os.tmpdir(), 'shifted.txt'), 'x');


