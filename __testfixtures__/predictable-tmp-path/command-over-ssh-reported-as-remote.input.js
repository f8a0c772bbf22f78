// A deploy script: the temp paths are on the server the commands run on, not on this machine.
const { execSync, spawnSync } = require('child_process');

function release(host, bundle) {
  execSync(`scp ${bundle} ${host}:/tmp/release.tgz`);
  execSync(`ssh ${host} 'mkdir -p /tmp/release && tar -xzf /tmp/release.tgz -C /tmp/release'`);
  spawnSync('ssh', [host, 'rm', '-rf', '/tmp/release']);
}

module.exports = { release };
