const fs = require('fs');
const tmp = require('tmp');

// tmp.file hands its callback a cleanup function; nobody calls it.
function writeGreeting(text, done) {
  tmp.file({ postfix: '.txt' }, (err, name, fd, cleanupCallback) => {
    if (err) return done(err);
    try {
      fs.writeFileSync(name, text);
      done(null, fs.readFileSync(name, 'utf8').length);
    } finally {
      cleanupCallback();
    }
  });
}

module.exports = { writeGreeting };
