import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function checksum(data: string): number {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checksum-'));
  try {
    const file = path.join(workDir, 'payload.txt');
    fs.writeFileSync(file, data);
    return fs.readFileSync(file).reduce((sum, byte) => (sum + byte) % 65521, 0);
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export async function checksumAsync(data: string): Promise<number> {
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'checksum-'));
  try {
    const file = path.join(workDir, 'payload.txt');
    await fs.promises.writeFile(file, data);
    return (await fs.promises.readFile(file)).length;
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
