// A spec whose setup hook makes a fresh private directory for every test and never removes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundle } from '../src/bundle';

describe('bundle', () => {
  let workDir: string;

  beforeEach(async () => {
    workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'bundle-spec-'));
  });

  it('writes the bundle into the work directory', async () => {
    await bundle({ out: path.join(workDir, 'out.js') });
    expect(fs.existsSync(path.join(workDir, 'out.js'))).toBe(true);
  });
});
