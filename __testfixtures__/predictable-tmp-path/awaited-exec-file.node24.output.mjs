import { execFile } from 'node:child_process';
import { writeFile, mkdtempDisposable } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function countLines(text) {
  await using privateDir = await mkdtempDisposable(join(tmpdir(), 'wc-input-'));
  const input = join(privateDir.path, 'wc-input.txt');
  await writeFile(input, text, { flag: 'wx', mode: 0o600 });
  const { stdout } = await execFileAsync('wc', ['-l', input]);
  return Number.parseInt(stdout, 10);
}
