'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

// A directory per test under a time-based name, removed after each test.
let dir;
function setUp() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-test-'));
}
function tearDown() {
  fs.rmSync(dir, { recursive: true, force: true });
}

function run(name, contents) {
  setUp();
  try {
    fs.writeFileSync(path.join(dir, name), contents);
    return fs.readFileSync(path.join(dir, name), 'utf8');
  } finally {
    tearDown();
  }
}

module.exports = { run };
