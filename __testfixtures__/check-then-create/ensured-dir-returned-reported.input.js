const fs = require('fs');
const os = require('os');
const path = require('path');

function generateDemo(demoId, templateName, workingDir) {
    const targetDir = path.join(os.tmpdir(), 'demos', demoId);
    let templateDir = path.join(workingDir, 'templates', templateName);

    // 1. Create Demo Directory in /tmp
    if (!fs.existsSync(path.join(os.tmpdir(), 'demos'))) {
        fs.mkdirSync(path.join(os.tmpdir(), 'demos'), { recursive: true });
    }
    fs.mkdirSync(targetDir, { recursive: true });

    // 2. Recursive Copy and Replace
    function copyAndReplace(src, dest) {
        const stats = fs.statSync(src);
        if (stats.isDirectory()) {
            if (!fs.existsSync(dest)) fs.mkdirSync(dest);
            fs.readdirSync(src).forEach(file => {
                copyAndReplace(path.join(src, file), path.join(dest, file));
            });
        } else {
            fs.copyFileSync(src, dest);
        }
    }
    copyAndReplace(templateDir, targetDir);
    return targetDir;
}
module.exports = { generateDemo };
