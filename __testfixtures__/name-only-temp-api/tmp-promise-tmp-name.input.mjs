import { promises as fs } from 'node:fs';
import { tmpName } from 'tmp-promise';

// tmp-promise's tmpName resolves to a name that nobody created.
export async function touchAndMeasure(text) {
  const name = await tmpName({ template: 'touch-XXXXXX.txt' });
  await fs.writeFile(name, text);
  const { size } = await fs.stat(name);
  if (size === 0) throw new Error('empty');
  await fs.unlink(name);
  return size;
}
