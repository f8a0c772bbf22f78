import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export async function stageAttachment(body: Buffer): Promise<number> {
  const privateDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'stageAttachment-'));
  try {
    const staged = path.join(privateDir, randomUUID() + '.eml');
    await fs.promises.writeFile(staged, body, { flag: 'wx', mode: 0o600 });
    const stat = await fs.promises.stat(staged);
    return stat.size;
  } finally {
    await fs.promises.rm(privateDir, { recursive: true, force: true });
  }
}
