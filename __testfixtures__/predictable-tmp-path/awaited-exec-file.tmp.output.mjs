import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import tmp from 'tmp';

const execFileAsync = promisify(execFile);

export async function countLines(text) {
  const privateDir = tmp.dirSync({ prefix: 'wc-input-', unsafeCleanup: true });
  try {
    const input = join(privateDir.name, 'wc-input.txt');
    await writeFile(input, text, { flag: 'wx', mode: 0o600 });
    const { stdout } = await execFileAsync('wc', ['-l', input]);
    return Number.parseInt(stdout, 10);
  } finally {
    privateDir.removeCallback();
  }
}
