import fs from 'node:fs';
import { temporaryWrite, temporaryWriteSync } from 'tempy';

// temporaryWrite* writes the file 0644 and not exclusively; the caller gets its path.
export async function stage(data) {
  const file = await temporaryWrite(data, { extension: 'json' });
  const copy = temporaryWriteSync(fs.readFileSync(file, 'utf8'), { name: 'copy.json' });
  return [fs.readFileSync(copy, 'utf8'), file.endsWith('.json')];
}
