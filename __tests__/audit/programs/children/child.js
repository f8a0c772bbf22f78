// Started by the p13 programs (Node and Python) with an environment of their own.
const fs = require('fs');
const os = require('os');
const path = require('path');

const file = path.join(os.tmpdir(), 'from-node-child.txt');
fs.writeFileSync(file, 'child'); // audit: insecure-creation
fs.unlinkSync(file);
