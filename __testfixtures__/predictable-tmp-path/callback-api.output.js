const fs = require('fs');
const os = require('os');
const path = require('path');

function saveDraft(text, done) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-'));
  const draftPath = path.join(privateDir, 'draft-' + process.pid + '.txt');
  fs.writeFile(draftPath, text, { flag: 'wx', mode: 0o600 }, function (err) {
    if (err) return done(err);
    fs.readFile(draftPath, 'utf8', function (err2, saved) {
      if (err2) return done(err2);
      done(null, saved.length);
    });
  });
}

module.exports = { saveDraft };
