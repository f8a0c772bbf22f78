const fs = require('fs');

function acquireLock() {
  try {
    fs.writeFileSync('/tmp/deploy-agent.lock', String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if (err.code === 'EEXIST') return false;
    throw err;
  }
}

function releaseLock() {
  fs.unlinkSync('/tmp/deploy-agent.lock');
}

module.exports = { acquireLock, releaseLock };
