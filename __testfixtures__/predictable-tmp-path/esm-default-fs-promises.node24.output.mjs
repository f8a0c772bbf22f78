import fs from 'fs';
import os from 'os';
import path from 'path';

export const transcode = async (samples) => {
  await using privateDir = await fs.promises.mkdtempDisposable(path.join(os.tmpdir(), 'clip-'));
  const wav = path.join(privateDir.path, 'clip.wav');
  await fs.promises.writeFile(wav, Buffer.from(samples), { flag: 'wx', mode: 0o600 });
  const { size } = await fs.promises.stat(wav);
  if (size < 2) {
    throw new Error('clip too short');
  }
  return size;
};
