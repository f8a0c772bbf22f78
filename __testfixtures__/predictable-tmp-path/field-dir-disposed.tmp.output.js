const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// A spool directory made in the constructor; dispose() has no removal yet, and returns early.
class Spool {
  constructor() {
    this.privateDir = tmp.dirSync({ prefix: 'spool-', unsafeCleanup: true });
    this.dir = path.join(this.privateDir.name, 'spool');
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
  }

  put(name, data) {
    fs.writeFileSync(path.join(this.dir, name), data, { mode: 0o600 });
  }

  list() {
    return fs.readdirSync(this.dir).sort();
  }

  dispose() {
    try {
      if (!this.dir) return;
      this.dir = undefined;
    } finally {
      this.privateDir.removeCallback();
    }
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
