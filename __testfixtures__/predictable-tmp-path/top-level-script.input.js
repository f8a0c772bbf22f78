#!/usr/bin/env node
const fs = require('fs')
const { execFileSync } = require('child_process')

const notes = '/tmp/release-notes.md'
fs.writeFileSync(notes, `# Release ${process.argv[2] || 'next'}\n`)
execFileSync('cat', [notes], { stdio: 'inherit' })
console.log('done')
