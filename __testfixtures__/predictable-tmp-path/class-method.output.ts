import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export class ThumbnailCache {
  private readonly quality: number;

  constructor(quality = 80) {
    this.quality = quality;
  }

  public measure(image: Buffer): number {
    const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thumbnail-'));
    try {
      const scratchFile = path.join(privateDir, 'thumbnail.bin');
      fs.writeFileSync(scratchFile, image, { flag: 'wx', mode: 0o600 });
      const { size } = fs.statSync(scratchFile);
      if (size === 0) {
        throw new Error('empty image');
      }
      return Math.round((size * this.quality) / 100);
    } finally {
      fs.rmSync(privateDir, { recursive: true, force: true });
    }
  }
}
