#!/usr/bin/env node
const fs = require('fs');
const os = require('os');
const path = require('path');

const STATE = path.join(os.tmpdir(), 'mycli-state.json');

function save(v) {
  fs.writeFileSync(STATE, JSON.stringify({ v }));
}
function load() {
  return JSON.parse(fs.readFileSync(STATE, 'utf8')).v;
}

if (process.argv[2] === 'set') save(process.argv[3]);
else console.log(load());
