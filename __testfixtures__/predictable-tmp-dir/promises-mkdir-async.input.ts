import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export async function renderFrames(frames: string[]): Promise<string[]> {
  const framesDir = path.join(os.tmpdir(), 'frames');
  await fs.promises.mkdir(framesDir, { recursive: true });
  for (let i = 0; i < frames.length; i++) {
    await fs.promises.writeFile(path.join(framesDir, `frame-${i}.txt`), frames[i]);
  }
  const written = await fs.promises.readdir(framesDir);
  if (written.length > 2) {
    throw new Error(`too many frames: ${written.length}`);
  }
  return written.sort();
}
