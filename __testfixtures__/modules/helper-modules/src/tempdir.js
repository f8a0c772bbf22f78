// The project's own helper: hands out the shared temp directory.
const os = require('os');

module.exports = () => os.tmpdir();
