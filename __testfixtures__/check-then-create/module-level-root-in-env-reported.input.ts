import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';

// A test setup file: it runs once per test process and hands the root on through the environment.
if (!process.env.E2E_ROOT) {
  const e2eRoot = join('/tmp', 'suite-e2e');
  if (!existsSync(e2eRoot)) {
    mkdirSync(e2eRoot, { recursive: true });
  }
  process.env.E2E_ROOT = e2eRoot;
}
