// A helper that writes where it is told: nothing in this file names a shared directory, so the
// static run passes it by; the audit sees the paths its callers hand it.
const fs = require('fs');

exports.save = function save(file, data) {
  fs.writeFileSync(file, data); // audit: insecure-creation
  return file;
};

exports.append = function append(file, line) {
  fs.appendFileSync(file, `${line}\n`); // audit: insecure-creation
};
