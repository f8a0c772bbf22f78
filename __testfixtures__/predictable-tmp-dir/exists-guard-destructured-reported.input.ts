// A test setup makes a shared work root only when missing, with destructured fs functions.
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';

const root = join('/tmp', 'suite-work-root');
if (!existsSync(root)) {
  mkdirSync(root, { recursive: true });
}
process.env.SUITE_ROOT = root;
