import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function splitIntoChunks(text, size) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'chunk-'));
  const written = [];
  for (let i = 0; i * size < text.length; i++) {
    const chunk = path.join(privateDir.path, `chunk-${i}.txt`);
    fs.writeFileSync(chunk, text.slice(i * size, (i + 1) * size), { mode: 0o600 });
    written.push(chunk);
  }
  const sizes = written.map((file) => fs.statSync(file).size);
  for (const file of written) fs.unlinkSync(file);
  return sizes;
}
