const fs = require('fs');
const os = require('os');
const path = require('path');

function traceSteps(steps) {
  const trace = path.join(os.tmpdir(), `trace-${process.pid}.txt`);
  fs.appendFileSync(trace, 'begin\n');
  fs.appendFileSync(trace, steps.join('\n') + '\n');
  const lines = fs.readFileSync(trace, 'utf8').trim().split('\n');
  if (lines.length > 3) {
    throw new Error('too many steps: ' + lines.length);
  }
  return lines;
}

module.exports = { traceSteps };
