// Creates a file insecurely, then is killed: the record written before the kill must survive (and
// the file is left behind).
const fs = require('fs');
const os = require('os');
const path = require('path');

fs.writeFileSync(path.join(os.tmpdir(), 'before-the-kill.txt'), 'x'); // audit: insecure-creation, left-behind
process.kill(process.pid, 'SIGKILL');
