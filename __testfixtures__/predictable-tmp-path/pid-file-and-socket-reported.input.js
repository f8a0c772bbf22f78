const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

function startDaemon(handler) {
  fs.writeFileSync(path.join(os.tmpdir(), 'indexer.pid'), String(process.pid));
  const server = net.createServer(handler);
  server.listen(path.join(os.tmpdir(), 'indexer.sock'));
  return server;
}

module.exports = { startDaemon };
