'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

// A plain mkdirSync fails on a planted name, so the file inside cannot be planted; the directory's
// finding is about its random name and its default mode, not about a name another user can take.
exports.install = () => {
  const dir = path.join(os.tmpdir(), 'x-' + Math.random().toString(36).slice(2));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  return require(dir);
};
