const fs = require('fs');
const path = require('path');
const temp = require('temp').track();

// temp.track() removes temp's directories at exit: Node's mkdtemp would not be tracked.
function scratch(name) {
  const dir = temp.mkdirSync('scratch');
  fs.writeFileSync(path.join(dir, name), name);
  return dir;
}

module.exports = { scratch };
