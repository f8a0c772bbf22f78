'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

function diffConfigs(before, after) {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'before-'));
    try {
        const left = path.join(privateDir, 'before.yaml');
        const right = path.join(privateDir, 'after.yaml');
        fs.writeFileSync(left, before, { flag: 'wx', mode: 0o600 });
        fs.writeFileSync(right, after, { flag: 'wx', mode: 0o600 });
        const a = fs.readFileSync(left, 'utf8').split('\n');
        const b = fs.readFileSync(right, 'utf8').split('\n');
        return a.filter((line, i) => line !== b[i]).length;
    } finally {
        fs.rmSync(privateDir, { recursive: true, force: true });
    }
}

module.exports = { diffConfigs };
