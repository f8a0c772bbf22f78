const fs = require('fs');
const os = require('os');
const path = require('path');

// A path kept on the object, and nothing ends the object's life: reported.
class Recorder {
  constructor() {
    this.file = path.join(os.tmpdir(), 'recorder.log');
  }

  record(line) {
    fs.writeFileSync(this.file, line);
  }
}

module.exports = { Recorder };
