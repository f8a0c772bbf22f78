const fs = require('fs');
const os = require('os');
const path = require('path');

// Exclusive, owner-only: a planted file or symlink makes this throw EEXIST instead of following it.
function claimTicket(id) {
  const ticket = path.join(os.tmpdir(), `ticket-${id}-${process.hrtime.bigint()}.json`);
  fs.writeFileSync(ticket, JSON.stringify({ id }), { flag: 'wx', mode: 0o600 });
  const fd = fs.openSync(ticket + '.lck', 'wx', 0o600);
  fs.closeSync(fd);
  return ticket;
}

module.exports = { claimTicket };
