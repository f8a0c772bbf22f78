const fs = require('fs');
const os = require('os');
const path = require('path');

// The marker's being there is what matters: a second run refuses to start.
function claimSingleRun() {
  const marker = path.join(os.tmpdir(), 'nightly-sync.running');
  if (fs.existsSync(marker)) throw new Error('another sync is running');
  fs.writeFileSync(marker, String(process.pid));
  process.on('exit', () => fs.unlinkSync(marker));
}

module.exports = { claimSingleRun };
