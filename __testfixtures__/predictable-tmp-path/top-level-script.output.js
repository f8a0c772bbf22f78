#!/usr/bin/env node
const fs = require('fs')
const { execFileSync } = require('child_process')
const path = require('path')
const os = require('os')

const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-notes-'))
try {
  const notes = path.join(privateDir, 'release-notes.md')
  fs.writeFileSync(notes, `# Release ${process.argv[2] || 'next'}\n`, { flag: 'wx', mode: 0o600 })
  execFileSync('cat', [notes], { stdio: 'inherit' })
} finally {
  fs.rmSync(privateDir, { recursive: true, force: true })
}
console.log('done')
