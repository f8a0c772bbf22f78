const tmp = require('tmp');

// A helper that only hands the name out: whoever creates it elsewhere must do so safely.
function scratchName(ext) {
  const name = tmp.tmpNameSync({ postfix: ext });
  return name;
}

module.exports = { scratchName };
