// A test makes a fixed directory tree, points a settings object at it, and removes it again.
const fs = require('fs');
const settings = { cwd: undefined };

function testNested() {
  try {
    fs.mkdirSync('/tmp/nested-cwd-test/a/b', { recursive: true });
    settings.cwd = '/tmp/nested-cwd-test/a/b';
    return fs.existsSync(settings.cwd);
  } finally {
    fs.rmSync('/tmp/nested-cwd-test', { recursive: true });
  }
}

module.exports = { testNested };
