#!/usr/bin/env node
const fs = require('fs')
const { execFileSync } = require('child_process')
const path = require('path')
const tmp = require('tmp')

const privateDir = tmp.dirSync({ prefix: 'release-notes-', unsafeCleanup: true })
try {
  const notes = path.join(privateDir.name, 'release-notes.md')
  fs.writeFileSync(notes, `# Release ${process.argv[2] || 'next'}\n`, { flag: 'wx', mode: 0o600 })
  execFileSync('cat', [notes], { stdio: 'inherit' })
} finally {
  privateDir.removeCallback()
}
console.log('done')
