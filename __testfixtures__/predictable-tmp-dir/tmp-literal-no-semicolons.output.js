const fs = require('fs')
const { execFileSync } = require('child_process')
const path = require('path')
const os = require('os')

function checkoutWorkspace(repoUrl) {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ci-workspace-'))
    execFileSync('git', ['clone', '--depth=1', repoUrl, workspace])
    return workspace
}

module.exports = { checkoutWorkspace }
