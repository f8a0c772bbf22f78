const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function runShellSnippet(snippet) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'snippet-'));
  try {
    const script = path.join(privateDir, 'snippet.sh');
    fs.writeFileSync(script, snippet, { flag: 'wx', mode: 0o600 });
    return execFileSync('sh', [script], { encoding: 'utf8' }).trim();
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}

module.exports = { runShellSnippet };
