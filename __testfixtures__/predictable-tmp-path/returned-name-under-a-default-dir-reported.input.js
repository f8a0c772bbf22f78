const os = require('os');
const path = require('path');

// An upload parser's shape: the directory is the caller's option, the temp directory only its
// default, and an invalid name falls back to one fixed name there. The finding says that the temp
// directory is only the default and where to fix it, not to return a mkdtemp path.
class Parser {
  constructor(options = {}) {
    this.uploadDir = options.uploadDir || os.tmpdir();
    this.fallbackName = options.fallbackName || 'invalid-name';
  }

  targetFor(name) {
    if (!name || name.includes('..')) return path.join(this.uploadDir, this.fallbackName);
    return path.join(this.uploadDir, path.basename(name));
  }
}

module.exports = { Parser };
