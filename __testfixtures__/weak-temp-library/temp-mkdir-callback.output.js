const fs = require('fs');
const path = require('path');
const os = require('os');

// The callback form: the same directory, handed to the callback.
function render(tex, done) {
  fs.mkdtemp(path.join(os.tmpdir(), 'render-'), (err, dirPath) => {
    if (err) return done(err);
    const input = path.join(dirPath, 'input.tex');
    fs.writeFile(input, tex, (err2) => {
      if (err2) return done(err2);
      done(null, fs.readFileSync(input, 'utf8').length);
    });
  });
}

module.exports = { render };
