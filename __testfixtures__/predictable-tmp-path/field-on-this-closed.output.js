const fs = require('fs');
const os = require('os');
const path = require('path');

// A path kept on the object: built in the constructor, written and read by methods, removed in close().
class Store {
  constructor(name) {
    this.privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'Store-'));
    this.file = path.join(this.privateDir, `${name}.json`);
  }

  save(data) {
    fs.writeFileSync(this.file, JSON.stringify(data), { mode: 0o600 });
  }

  load() {
    return JSON.parse(fs.readFileSync(this.file, 'utf8'));
  }

  close() {
    fs.rmSync(this.privateDir, { recursive: true, force: true });
  }
}

function remember(value) {
  const store = new Store('remember');
  store.save(value);
  const back = store.load();
  store.close();
  return back;
}

module.exports = { Store, remember };
