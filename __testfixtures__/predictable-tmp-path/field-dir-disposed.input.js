const fs = require('fs');
const os = require('os');
const path = require('path');

// A spool directory made in the constructor; dispose() has no removal yet, and returns early.
class Spool {
  constructor() {
    this.dir = path.join(os.tmpdir(), 'spool');
    fs.mkdirSync(this.dir, { recursive: true });
  }

  put(name, data) {
    fs.writeFileSync(path.join(this.dir, name), data);
  }

  list() {
    return fs.readdirSync(this.dir).sort();
  }

  dispose() {
    if (!this.dir) return;
    this.dir = undefined;
  }
}

function spoolAll(items) {
  const spool = new Spool();
  for (const [name, data] of Object.entries(items)) spool.put(name, data);
  const names = spool.list();
  spool.dispose();
  return names;
}

module.exports = { Spool, spoolAll };
