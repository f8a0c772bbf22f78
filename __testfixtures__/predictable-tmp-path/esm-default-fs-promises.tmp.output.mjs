import fs from 'fs';
import path from 'path';
import tmp from 'tmp';

export const transcode = async (samples) => {
  const privateDir = tmp.dirSync({ prefix: 'clip-', unsafeCleanup: true });
  try {
    const wav = path.join(privateDir.name, 'clip.wav');
    await fs.promises.writeFile(wav, Buffer.from(samples), { flag: 'wx', mode: 0o600 });
    const { size } = await fs.promises.stat(wav);
    if (size < 2) {
      throw new Error('clip too short');
    }
    return size;
  } finally {
    privateDir.removeCallback();
  }
};
