import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export async function countLines(text) {
  const input = join(tmpdir(), 'wc-input.txt');
  await writeFile(input, text);
  const { stdout } = await execFileAsync('wc', ['-l', input]);
  return Number.parseInt(stdout, 10);
}
