const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function runShellSnippet(snippet) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'snippet-'));
  const script = path.join(privateDir.path, 'snippet.sh');
  fs.writeFileSync(script, snippet, { flag: 'wx', mode: 0o600 });
  return execFileSync('sh', [script], { encoding: 'utf8' }).trim();
}

module.exports = { runShellSnippet };
