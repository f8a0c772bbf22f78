const os = require('os');
const path = require('path');

exports.TEMP_DIR = os.tmpdir();
exports.CACHE_DIR = path.join(os.tmpdir(), 'helper-modules-cache');
