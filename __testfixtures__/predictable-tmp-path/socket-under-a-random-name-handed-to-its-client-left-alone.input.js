const child_process = require('child_process');
const net = require('net');
const os = require('os');
const path = require('path');

// node-red's askpass shape: the server listens on a socket in the shared temp directory and hands
// its path to the child that connects to it. bind() never follows a link, the child creates nothing,
// and the name is random, so nobody can take it first: nothing to report.
function askPass(script, phrase, done) {
  const seed = (0x100000 + Math.random() * 0x999999).toString(16);
  const listenPath = path.join(os.tmpdir(), 'askpass-' + seed + '-sock');
  const server = net.createServer((connection) => connection.on('data', (data) => done(null, String(data))));
  server.listen(listenPath, () => {
    child_process.exec(`"${process.execPath}" "${script}" "${listenPath}" ${phrase}`, () => server.close());
  });
}

module.exports = { askPass };
