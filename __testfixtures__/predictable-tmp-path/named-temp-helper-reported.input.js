'use strict';
const fs = require('fs');
const path = require('path');

class Packager {
  constructor(serverless) {
    this.serverless = serverless;
  }

  // The directory comes from a helper of an object tmpfix cannot follow; only its name says "temp dir".
  download(key, body) {
    return new Promise((resolve, reject) => {
      const tmpDir = this.serverless.utils.getTmpDirPath();
      const filePath = path.join(tmpDir, path.basename(key));
      const out = fs.createWriteStream(filePath);
      out.on('close', () => resolve(filePath));
      out.on('error', reject);
      body.pipe(out);
    });
  }

  // Created with care whatever the directory is: nothing to say.
  save(name, data) {
    const dir = this.serverless.utils.getTempDir();
    fs.writeFileSync(path.join(dir, name), data, { flag: 'wx', mode: 0o600 });
  }

  // A helper that may make a private directory itself: not a temp path by its name.
  unpack(name, data) {
    const dir = this.serverless.utils.createTempDir();
    fs.writeFileSync(path.join(dir, name), data);
  }
}

// The repository's own module: the pre-pass describes it, and its helper's name proves nothing
// (this one returns a name under the working directory).
const utils = require('./test-utils');
function scratch(name) {
  const dir = utils.getTempDir();
  fs.writeFileSync(path.join(dir, name), 'x');
}

module.exports = { Packager, scratch };
