// Pattern 9: name-only APIs of the tmp package: tmp checks that the name is free, then the file is
// created non-exclusively (an insecure creation right after an existence check).
const fs = require('fs');
const tmp = require('tmp');

module.exports = async function nameOnly() {
  const name = tmp.tmpNameSync({ postfix: '.json' });
  fs.writeFileSync(name, '{}'); // audit: insecure-creation, check-then-open
  const later = await new Promise((resolve, reject) => tmp.tmpName((error, made) => (error ? reject(error) : resolve(made))));
  fs.writeFileSync(later, '{}'); // audit: insecure-creation, check-then-open
  fs.unlinkSync(name);
  fs.unlinkSync(later);
};
