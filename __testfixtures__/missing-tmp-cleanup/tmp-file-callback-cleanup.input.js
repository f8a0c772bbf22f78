const fs = require('fs');
const tmp = require('tmp');

// tmp.file hands its callback a cleanup function; nobody calls it.
function writeGreeting(text, done) {
  tmp.file({ postfix: '.txt' }, (err, name) => {
    if (err) return done(err);
    fs.writeFileSync(name, text);
    done(null, fs.readFileSync(name, 'utf8').length);
  });
}

module.exports = { writeGreeting };
