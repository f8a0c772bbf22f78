const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

// removeCallback() of a non-empty directory needs unsafeCleanup.
function scratch(names) {
  const tmpDir = tmp.dirSync({ prefix: 'scratch-' });
  for (const n of names) fs.writeFileSync(path.join(tmpDir.name, n), n);
  const listed = fs.readdirSync(tmpDir.name).sort();
  if (listed.includes('boom')) throw new Error('boom');
  return listed;
}

module.exports = { scratch };
