const fs = require('fs');
const os = require('os');
const path = require('path');

// A path kept on the object and written by another method: it lives as long as the object.
class Store {
  constructor() {
    this.file = path.join(os.tmpdir(), 'store.json');
  }

  save(data) {
    fs.writeFileSync(this.file, JSON.stringify(data));
  }
}

module.exports = { Store };
