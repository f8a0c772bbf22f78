import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export async function stageAttachment(body: Buffer): Promise<number> {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'stageAttachment-'));
  const staged = path.join(privateDir.path, randomUUID() + '.eml');
  await fs.promises.writeFile(staged, body, { flag: 'wx', mode: 0o600 });
  const stat = await fs.promises.stat(staged);
  return stat.size;
}
