'use strict';
const fs = require('fs');
const path = require('path');
const tmp = require('tmp');

function diffConfigs(before, after) {
    const privateDir = tmp.dirSync({ prefix: 'before-', unsafeCleanup: true });
    try {
        const left = path.join(privateDir.name, 'before.yaml');
        const right = path.join(privateDir.name, 'after.yaml');
        fs.writeFileSync(left, before, { flag: 'wx', mode: 0o600 });
        fs.writeFileSync(right, after, { flag: 'wx', mode: 0o600 });
        const a = fs.readFileSync(left, 'utf8').split('\n');
        const b = fs.readFileSync(right, 'utf8').split('\n');
        return a.filter((line, i) => line !== b[i]).length;
    } finally {
        privateDir.removeCallback();
    }
}

module.exports = { diffConfigs };
