const fs = require('fs');
const os = require('os');
const path = require('path');

function saveDraft(text, done) {
  const draftPath = path.join(os.tmpdir(), 'draft-' + process.pid + '.txt');
  fs.writeFile(draftPath, text, function (err) {
    if (err) return done(err);
    fs.readFile(draftPath, 'utf8', function (err2, saved) {
      if (err2) return done(err2);
      done(null, saved.length);
    });
  });
}

module.exports = { saveDraft };
