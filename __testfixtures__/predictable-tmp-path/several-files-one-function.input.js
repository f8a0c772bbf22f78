'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function diffConfigs(before, after) {
    const left = path.join(os.tmpdir(), 'before.yaml');
    const right = path.join(os.tmpdir(), 'after.yaml');
    fs.writeFileSync(left, before);
    fs.writeFileSync(right, after);
    const a = fs.readFileSync(left, 'utf8').split('\n');
    const b = fs.readFileSync(right, 'utf8').split('\n');
    return a.filter((line, i) => line !== b[i]).length;
}

module.exports = { diffConfigs };
