import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as tmp from 'tmp';

export async function stageAttachment(body: Buffer): Promise<number> {
  const privateDir = tmp.dirSync({ prefix: 'stageAttachment-', unsafeCleanup: true });
  try {
    const staged = path.join(privateDir.name, randomUUID() + '.eml');
    await fs.promises.writeFile(staged, body, { flag: 'wx', mode: 0o600 });
    const stat = await fs.promises.stat(staged);
    return stat.size;
  } finally {
    privateDir.removeCallback();
  }
}
