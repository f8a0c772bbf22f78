'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function diffConfigs(before, after) {
    using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'before-'));
    const left = path.join(privateDir.path, 'before.yaml');
    const right = path.join(privateDir.path, 'after.yaml');
    fs.writeFileSync(left, before, { flag: 'wx', mode: 0o600 });
    fs.writeFileSync(right, after, { flag: 'wx', mode: 0o600 });
    const a = fs.readFileSync(left, 'utf8').split('\n');
    const b = fs.readFileSync(right, 'utf8').split('\n');
    return a.filter((line, i) => line !== b[i]).length;
}

module.exports = { diffConfigs };
