// Pattern 3: the temp directory from the environment, with fallbacks.
const fs = require('fs');
const os = require('os');

module.exports = function envFallback() {
  const dir = process.env.TMPDIR || '/tmp';
  fs.writeFileSync(`${dir}/env-a.txt`, 'a'); // audit: insecure-creation
  const other = process.env['TEMP'] || process.env.TMPDIR || os.tmpdir();
  fs.writeFileSync(`${other}/env-b.txt`, 'b'); // audit: insecure-creation
  fs.unlinkSync(`${dir}/env-a.txt`);
  fs.unlinkSync(`${other}/env-b.txt`);
};
