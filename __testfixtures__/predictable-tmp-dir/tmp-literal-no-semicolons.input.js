const fs = require('fs')
const { execFileSync } = require('child_process')

function checkoutWorkspace(repoUrl) {
    const workspace = '/tmp/ci-workspace'
    fs.mkdirSync(workspace)
    execFileSync('git', ['clone', '--depth=1', repoUrl, workspace])
    return workspace
}

module.exports = { checkoutWorkspace }
