import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export async function stageAttachment(body: Buffer): Promise<number> {
  const staged = path.join(os.tmpdir(), randomUUID() + '.eml');
  await fs.promises.writeFile(staged, body);
  const stat = await fs.promises.stat(staged);
  return stat.size;
}
