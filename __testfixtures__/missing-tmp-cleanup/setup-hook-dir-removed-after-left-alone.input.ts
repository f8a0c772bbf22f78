// The same setup hook, with the directory removed after each test (or handed to a helper that may).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle, clearOutput } from '../src/bundle';

describe('bundle', () => {
  let workDir: string;
  let cacheDir: string;

  beforeEach(async () => {
    workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'bundle-spec-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-cache-'));
  });

  afterEach(async () => {
    await fs.promises.rm(workDir, { recursive: true, force: true });
    clearOutput(cacheDir);
  });

  it('writes the bundle into the work directory', async () => {
    await bundle({ out: path.join(workDir, 'out.js'), cache: cacheDir });
  });
});
