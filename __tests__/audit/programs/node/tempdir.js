// A helper module of the project's own that hands out the temp directory (pattern 15).
const os = require('os');

module.exports = () => os.tmpdir();
