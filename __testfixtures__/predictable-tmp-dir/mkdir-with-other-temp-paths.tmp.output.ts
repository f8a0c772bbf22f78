import * as fs from 'fs';
import * as path from 'path';
import * as tmp from 'tmp';

export function extractArchive(entries: Record<string, string>): number {
  const privateDir = tmp.dirSync({ prefix: 'extract-', unsafeCleanup: true });
  try {
    const staging = path.join(privateDir.name, 'extract');
    const index = path.join(privateDir.name, 'extract-index.txt');
    fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
    for (const [name, body] of Object.entries(entries)) {
      fs.writeFileSync(path.join(staging, name), body, { mode: 0o600 });
    }
    fs.writeFileSync(index, Object.keys(entries).join('\n'), { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(index, 'utf8').split('\n').length + fs.readdirSync(staging).length;
  } finally {
    privateDir.removeCallback();
  }
}
