// Node's modules, re-exported for the rest of the program.
module.exports = { fs: require('fs'), os: require('os'), path: require('path') };
