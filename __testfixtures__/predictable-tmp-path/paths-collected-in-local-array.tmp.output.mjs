import fs from 'node:fs';
import path from 'node:path';
import tmp from 'tmp';

export function splitIntoChunks(text, size) {
  const privateDir = tmp.dirSync({ prefix: 'chunk-', unsafeCleanup: true });
  try {
    const written = [];
    for (let i = 0; i * size < text.length; i++) {
      const chunk = path.join(privateDir.name, `chunk-${i}.txt`);
      fs.writeFileSync(chunk, text.slice(i * size, (i + 1) * size), { mode: 0o600 });
      written.push(chunk);
    }
    const sizes = written.map((file) => fs.statSync(file).size);
    for (const file of written) fs.unlinkSync(file);
    return sizes;
  } finally {
    privateDir.removeCallback();
  }
}
