// Pattern 10: weak library calls. tempy writes 0644 without O_EXCL and makes directories 0755; the
// audit credits tempy's calls to the line here that called tempy.
const fs = require('fs');

module.exports = async function weakLibrary() {
  const tempy = await import('tempy');
  const file = tempy.temporaryWriteSync('data', { extension: 'txt' }); // audit: insecure-creation
  const dir = tempy.temporaryDirectory(); // audit: insecure-creation
  fs.rmSync(file);
  fs.rmSync(dir, { recursive: true });
};
