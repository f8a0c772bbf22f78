// A project checked out under a shared temp directory (/tmp/audit/node-tmp): its own directories,
// the user's with mode 0755, are private; a directory group or others can write to is not.
const fs = require('fs');
const os = require('os');
const path = require('path');

fs.mkdirSync(path.join(__dirname, 'coverage', 'json'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'coverage', 'json', 'coverage-1.json'), '{}');
fs.mkdirSync(path.join(__dirname, '.tap-testdir'), 0o755);
fs.writeFileSync(path.join(__dirname, '.tap-testdir', 'file'), 'x');
fs.writeFileSync(path.join(__dirname, 'group-writable', 'planted'), 'x'); // audit: insecure-creation
fs.writeFileSync(path.join(__dirname, 'group-writable', 'below', 'deeper'), 'x'); // audit: insecure-creation
fs.writeFileSync(path.join(os.tmpdir(), 'direct.txt'), 'x'); // audit: insecure-creation
fs.unlinkSync(path.join(os.tmpdir(), 'direct.txt'));
