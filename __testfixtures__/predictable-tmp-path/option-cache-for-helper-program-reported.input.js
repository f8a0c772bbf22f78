// A cache directory handed to the program under test by an option: meant to survive between runs.
const os = require('os');
const path = require('path');
const { runTool } = require('./helpers');

const CACHE = path.join(os.tmpdir(), 'tool-cache-dir');

it('keeps its cache', () => {
  runTool(['build', `--cache-dir=${CACHE}`]);
  expect(runTool(['build', `--cache-dir=${CACHE}`]).cached).toBe(true);
});
