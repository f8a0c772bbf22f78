import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export class ThumbnailCache {
  private readonly quality: number;

  constructor(quality = 80) {
    this.quality = quality;
  }

  public measure(image: Buffer): number {
    using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'thumbnail-'));
    const scratchFile = path.join(privateDir.path, 'thumbnail.bin');
    fs.writeFileSync(scratchFile, image, { flag: 'wx', mode: 0o600 });
    const { size } = fs.statSync(scratchFile);
    if (size === 0) {
      throw new Error('empty image');
    }
    return Math.round((size * this.quality) / 100);
  }
}
