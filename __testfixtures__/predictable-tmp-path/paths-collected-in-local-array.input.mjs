import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function splitIntoChunks(text, size) {
  const written = [];
  for (let i = 0; i * size < text.length; i++) {
    const chunk = path.join(os.tmpdir(), `chunk-${i}.txt`);
    fs.writeFileSync(chunk, text.slice(i * size, (i + 1) * size));
    written.push(chunk);
  }
  const sizes = written.map((file) => fs.statSync(file).size);
  for (const file of written) fs.unlinkSync(file);
  return sizes;
}
