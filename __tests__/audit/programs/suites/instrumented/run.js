// Code instrumented for coverage without a source map, as istanbul's and nyc's require hooks run it:
// the stack's positions are those of the instrumented text, not of the file on disk.
const Module = require('module');
const fs = require('fs');

const load = Module._extensions['.js'];
Module._extensions['.js'] = function instrument(module, filename) {
  if (!/lib-(one-line|shifted)\.js$/.test(filename)) return load(module, filename);
  const code = fs.readFileSync(filename, 'utf8');
  // istanbul: counters first, everything on one line; nyc: a line added above.
  const instrumented = filename.endsWith('lib-one-line.js') ? `var __cov = {${' c: 0,'.repeat(80)} }; ${code.split('\n').join(' ')}` : `\n\n${code}`;
  return module._compile(instrumented, filename);
};

require('./lib-one-line')();
require('./lib-shifted')();
require('./lib-plain')();
for (const name of ['one-line.txt', 'shifted.txt', 'plain.txt']) fs.unlinkSync(require('path').join(require('os').tmpdir(), name));
