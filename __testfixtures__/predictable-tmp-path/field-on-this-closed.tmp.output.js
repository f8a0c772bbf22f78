const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// A path kept on the object: built in the constructor, written and read by methods, removed in close().
class Store {
  constructor(name) {
    this.privateDir = tmp.dirSync({ prefix: 'Store-', unsafeCleanup: true });
    this.file = path.join(this.privateDir.name, `${name}.json`);
  }

  save(data) {
    fs.writeFileSync(this.file, JSON.stringify(data), { mode: 0o600 });
  }

  load() {
    return JSON.parse(fs.readFileSync(this.file, 'utf8'));
  }

  close() {
    fs.rmSync(this.privateDir.name, { recursive: true, force: true });
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
