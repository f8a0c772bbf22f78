const fs = require('fs');
const os = require('os');
const path = require('path');

function snapshot(files) {
  // `listing` is also a local of describe(): that one is its own, so the finally can hold this one.
  function describe(dir) {
    const listing = fs.readdirSync(dir).join(',');
    return listing;
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-'));
  try {
    for (const name of files) fs.writeFileSync(path.join(work, name), name);
    const listing = describe(work);
    if (files.includes('bad')) throw new Error('bad file name');
    return listing;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

module.exports = { snapshot };
