import { execFile } from 'node:child_process';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function countLines(text) {
  const privateDir = await mkdtemp(join(tmpdir(), 'wc-input-'));
  try {
    const input = join(privateDir, 'wc-input.txt');
    await writeFile(input, text, { flag: 'wx', mode: 0o600 });
    const { stdout } = await execFileAsync('wc', ['-l', input]);
    return Number.parseInt(stdout, 10);
  } finally {
    await rm(privateDir, { recursive: true, force: true });
  }
}
