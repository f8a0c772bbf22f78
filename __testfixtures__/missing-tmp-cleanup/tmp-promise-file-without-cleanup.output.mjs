import { promises as fs } from 'node:fs';
import { file } from 'tmp-promise';

// tmp-promise's file() hands back cleanup(); nobody calls it.
export async function measure(text) {
  const handle = await file({ postfix: '.txt' });
  try {
    await fs.writeFile(handle.path, text);
    const { size } = await fs.stat(handle.path);
    if (size > 10) throw new Error('too big');
    return size;
  } finally {
    await handle.cleanup();
  }
}
