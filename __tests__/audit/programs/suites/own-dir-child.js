// Writes the file it is given: in a directory its parent made.
const fs = require('fs');

fs.writeFileSync(process.argv[2], 'child'); // audit: insecure-creation
