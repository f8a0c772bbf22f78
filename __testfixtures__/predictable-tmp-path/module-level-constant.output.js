const fs = require('fs');
const os = require('os');
const path = require('path');

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'heap-snapshot-'));
const SNAPSHOT_FILE = path.join(privateDir, 'heap-snapshot.json');

function snapshotSize(heap) {
  fs.writeFileSync(SNAPSHOT_FILE, JSON.stringify(heap), { mode: 0o600 });
  return fs.statSync(SNAPSHOT_FILE).size;
}

module.exports = { snapshotSize };
