const fs = require('fs');
const os = require('os');
const path = require('path');

// A launcher's shape: a helper makes a randomly named directory and returns it; a method hands that
// on. Once the helper makes it with mkdtemp, what the method returns is private too, so only the
// creation is reported, not the return as "a name for its callers to create".
function makeProfileDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-'));
  return dir;
}

class Launcher {
  profileDir() {
    return makeProfileDir();
  }

  prepare() {
    this.userDataDir = this.profileDir();
    return this.userDataDir;
  }
}

module.exports = { Launcher };
