const fs = require('fs');
const os = require('os');
const path = require('path');

// A path kept on the object, and nothing ends the object's life: reported.
class Recorder {
  constructor() {
    this.privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'recorder-'));
    this.file = path.join(this.privateDir.path, 'recorder.log');
  }

  record(line) {
    fs.writeFileSync(this.file, line, { mode: 0o600 });
  }

  [Symbol.dispose]() {
    this.privateDir.remove();
  }
}

module.exports = { Recorder };
