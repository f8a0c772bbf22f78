import * as fs from 'fs';
import * as path from 'path';
import * as tmp from 'tmp';

export class ThumbnailCache {
  private readonly quality: number;

  constructor(quality = 80) {
    this.quality = quality;
  }

  public measure(image: Buffer): number {
    const privateDir = tmp.dirSync({ prefix: 'thumbnail-', unsafeCleanup: true });
    try {
      const scratchFile = path.join(privateDir.name, 'thumbnail.bin');
      fs.writeFileSync(scratchFile, image, { flag: 'wx', mode: 0o600 });
      const { size } = fs.statSync(scratchFile);
      if (size === 0) {
        throw new Error('empty image');
      }
      return Math.round((size * this.quality) / 100);
    } finally {
      privateDir.removeCallback();
    }
  }
}
