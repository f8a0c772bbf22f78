const fs = require('fs');

function audit(event) {
  fs.appendFileSync('/tmp/payments-audit.log', `${new Date().toISOString()} ${event}\n`);
}

module.exports = { audit };
