// Pattern 2: the literal shared directory, in the three ways code spells it.
const fs = require('fs');
const path = require('path');

module.exports = function literalDir() {
  const id = `audit-${process.pid}`;
  const concatenated = '/tmp/' + id + '-a.txt';
  fs.writeFileSync(concatenated, 'a'); // audit: insecure-creation
  const joined = path.join('/tmp', `${id}-b.txt`);
  fs.writeFileSync(joined, 'b'); // audit: insecure-creation
  const templated = `/tmp/out-${id}`;
  fs.writeFileSync(templated, 'c'); // audit: insecure-creation
  for (const file of [concatenated, joined, templated]) fs.unlinkSync(file);
};
