const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const tmp = require('tmp');

function runShellSnippet(snippet) {
  const privateDir = tmp.dirSync({ prefix: 'snippet-', unsafeCleanup: true });
  try {
    const script = path.join(privateDir.name, 'snippet.sh');
    fs.writeFileSync(script, snippet, { flag: 'wx', mode: 0o600 });
    return execFileSync('sh', [script], { encoding: 'utf8' }).trim();
  } finally {
    privateDir.removeCallback();
  }
}

module.exports = { runShellSnippet };
