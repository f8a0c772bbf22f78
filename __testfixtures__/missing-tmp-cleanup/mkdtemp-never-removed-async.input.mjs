import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A private directory made per call and never removed: every call leaves one behind.
export async function roundTrip(code) {
  const dir = await mkdtemp(join(tmpdir(), 'validate-'));
  await writeFile(join(dir, 'code.js'), code);
  const text = await readFile(join(dir, 'code.js'), 'utf8');
  if (text.includes('throw')) throw new Error('refused');
  return text.length;
}
