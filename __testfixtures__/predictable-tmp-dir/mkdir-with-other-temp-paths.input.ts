import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function extractArchive(entries: Record<string, string>): number {
  const staging = path.join(os.tmpdir(), 'extract');
  const index = path.join(os.tmpdir(), 'extract-index.txt');
  fs.mkdirSync(staging, { recursive: true });
  for (const [name, body] of Object.entries(entries)) {
    fs.writeFileSync(path.join(staging, name), body);
  }
  fs.writeFileSync(index, Object.keys(entries).join('\n'));
  return fs.readFileSync(index, 'utf8').split('\n').length + fs.readdirSync(staging).length;
}
