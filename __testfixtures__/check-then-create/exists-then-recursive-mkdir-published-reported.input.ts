import { existsSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// An end-to-end suite's setup: a fixed root outside CI, checked and then made with recursive: true,
// and published in the environment for the tests. The check changes nothing: the recursive mkdir
// takes a directory that is there, so the danger is adopting another user's directory, not a race.
if (!process.env.SUITE_ROOT) {
  const root = process.env.CI ? join(tmpdir(), `suite-${process.pid}`) : join('/tmp', 'suite-root');
  if (!existsSync(root)) {
    mkdirSync(root, { recursive: true });
  }
  process.env.SUITE_ROOT = root;
}
