import fs from 'fs';
import os from 'os';
import path from 'path';

export const transcode = async (samples) => {
  const wav = path.join(os.tmpdir(), 'clip.wav');
  await fs.promises.writeFile(wav, Buffer.from(samples));
  const { size } = await fs.promises.stat(wav);
  if (size < 2) {
    throw new Error('clip too short');
  }
  return size;
};
