const fs = require('fs');
const os = require('os');
const path = require('path');

const DAY = 24 * 60 * 60 * 1000;

function fetchDaily(url, get) {
  const target = path.join(os.tmpdir(), path.basename(url));
  let expired = true;
  try {
    expired = Date.now() - fs.statSync(target).mtimeMs > DAY;
  } catch {}
  if (expired) fs.writeFileSync(target, get(url));
  return fs.readFileSync(target);
}

module.exports = { fetchDaily };
