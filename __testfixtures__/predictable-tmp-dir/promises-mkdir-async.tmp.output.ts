import * as fs from 'fs';
import * as path from 'path';
import * as tmp from 'tmp';

export async function renderFrames(frames: string[]): Promise<string[]> {
  const privateDir = tmp.dirSync({ prefix: 'frames-', unsafeCleanup: true });
  try {
    const framesDir = path.join(privateDir.name, 'frames');
    await fs.promises.mkdir(framesDir, { recursive: true, mode: 0o700 });
    for (let i = 0; i < frames.length; i++) {
      await fs.promises.writeFile(path.join(framesDir, `frame-${i}.txt`), frames[i], { mode: 0o600 });
    }
    const written = await fs.promises.readdir(framesDir);
    if (written.length > 2) {
      throw new Error(`too many frames: ${written.length}`);
    }
    return written.sort();
  } finally {
    privateDir.removeCallback();
  }
}
