const fs = require('fs');
const tmp = require('tmp');

// tmp.fileSync() is exclusive and 0600, but nothing removes the file.
function echoThrough(data) {
  const tmpobj = tmp.fileSync({ postfix: '.txt' });
  try {
    fs.writeFileSync(tmpobj.name, data);
    const back = fs.readFileSync(tmpobj.name, 'utf8');
    if (back === '') throw new Error('empty');
    return back;
  } finally {
    tmpobj.removeCallback();
  }
}

module.exports = { echoThrough };
