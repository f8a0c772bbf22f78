const fs = require('fs');
const os = require('os');
const path = require('path');

function writeConfigFile () {
  const pluginDir = path.join(os.tmpdir(), 'plugin');
  const configDir = path.join(os.tmpdir(), 'config');

  if (fs.existsSync(configDir) === false) {
    fs.mkdirSync(path.join(os.tmpdir(), 'config'));
  }
  if (fs.existsSync(pluginDir) === false) {
    fs.mkdirSync(path.join(os.tmpdir(), 'plugin'));
  }
  fs.copyFileSync(path.join(__dirname, 'datasets', 'config.json'), path.join(os.tmpdir(), 'config', 'config.json'));
}

describe('server', () => {
  before(() => writeConfigFile());
  after(() => fs.rmSync(path.join(os.tmpdir(), 'config'), { recursive: true }));
});
