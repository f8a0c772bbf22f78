const fs = require('fs');
const os = require('os');
const path = require('path');

function generateDemo(demoId, templateName, workingDir) {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demos-'));
    const targetDir = path.join(privateDir, 'demos', demoId);
    let templateDir = path.join(workingDir, 'templates', templateName);

    // 1. Create Demo Directory in /tmp
    fs.mkdirSync(path.join(privateDir, 'demos'), { recursive: true, mode: 0o700 });
    fs.mkdirSync(targetDir, { recursive: true, mode: 0o700 });

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
