const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// "mode 0o600 keeps it private" -- it does not: a planted symlink is still followed.
function cacheCredentials(user, secret) {
  const privateDir = tmp.dirSync({ prefix: 'credentials-', unsafeCleanup: true });
  try {
    const credFile = path.join(privateDir.name, 'credentials-' + user);
    fs.writeFileSync(credFile, secret, { mode: 0o600, flag: 'wx' });
    const check = fs.readFileSync(credFile, 'utf8');
    if (check !== secret) {
      throw new Error('credential file corrupted');
    }
    if (secret.length < 8) {
      throw new Error('secret too short');
    }
    return check.length;
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { cacheCredentials };
