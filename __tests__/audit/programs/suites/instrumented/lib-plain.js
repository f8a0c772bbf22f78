// Not instrumented: its position is a source line.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = () => fs.writeFileSync(path.join(os.tmpdir(), 'plain.txt'), 'x'); // audit: insecure-creation
