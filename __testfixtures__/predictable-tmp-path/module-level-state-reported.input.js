const fs = require('fs');
const os = require('os');
const path = require('path');

const SNAPSHOT_FILE = path.join(os.tmpdir(), 'heap-snapshot.json');

function snapshotSize(heap) {
  fs.writeFileSync(SNAPSHOT_FILE, JSON.stringify(heap));
  return fs.statSync(SNAPSHOT_FILE).size;
}

module.exports = { snapshotSize };
