const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function runShellSnippet(snippet) {
  const script = path.join(os.tmpdir(), 'snippet.sh');
  fs.writeFileSync(script, snippet);
  return execFileSync('sh', [script], { encoding: 'utf8' }).trim();
}

module.exports = { runShellSnippet };
