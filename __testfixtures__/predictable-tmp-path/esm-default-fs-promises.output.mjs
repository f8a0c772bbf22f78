import fs from 'fs';
import os from 'os';
import path from 'path';

export const transcode = async (samples) => {
  const privateDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'clip-'));
  try {
    const wav = path.join(privateDir, 'clip.wav');
    await fs.promises.writeFile(wav, Buffer.from(samples), { flag: 'wx', mode: 0o600 });
    const { size } = await fs.promises.stat(wav);
    if (size < 2) {
      throw new Error('clip too short');
    }
    return size;
  } finally {
    await fs.promises.rm(privateDir, { recursive: true, force: true });
  }
};
