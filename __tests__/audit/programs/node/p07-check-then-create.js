// Pattern 7: check, then create (TOCTOU), with existsSync, statSync and fs.promises.access.
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async function checkThenCreate() {
  const settings = path.join(os.tmpdir(), 'settings.ini');
  if (!fs.existsSync(settings)) {
    fs.writeFileSync(settings, 'defaults'); // audit: insecure-creation, check-then-open
  }
  const state = path.join(os.tmpdir(), 'state.json');
  try {
    fs.statSync(state);
  } catch {
    fs.writeFileSync(state, '{}'); // audit: insecure-creation, check-then-open
  }
  const marker = path.join(os.tmpdir(), 'marker');
  try {
    await fs.promises.access(marker);
  } catch {
    await fs.promises.writeFile(marker, ''); // audit: insecure-creation, check-then-open
  }
  // A check followed by an exclusive owner-only creation is safe: the creation refuses a planted name.
  const safe = path.join(os.tmpdir(), 'checked-then-exclusive');
  if (!fs.existsSync(safe)) fs.writeFileSync(safe, 's', { flag: 'wx', mode: 0o600 });
  for (const file of [settings, state, marker, safe]) fs.unlinkSync(file);
};
