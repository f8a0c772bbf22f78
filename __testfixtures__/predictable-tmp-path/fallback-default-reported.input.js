const fs = require('fs');
const os = require('os');
const path = require('path');

// The temp directory is only the default: a caller's uploadDir wins when given.
function Form(options) {
  const self = this;
  self.uploadDir = options.uploadDir || os.tmpdir();
}

Form.prototype.save = function save(name, data) {
  const file = path.join(this.uploadDir, name);
  fs.writeFileSync(file, data);
  return file;
};

module.exports = { Form };
