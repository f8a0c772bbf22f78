import { promises as fsp } from 'fs';
import path from 'path';
import * as tmp from 'tmp';

export class PdfRenderer {
  constructor(private readonly engine: (file: string) => Promise<number>) {}

  renderPages = async (markup: string): Promise<number> => {
    const privateDir = tmp.dirSync({ prefix: 'render-input-', unsafeCleanup: true });
    try {
      const source = path.join(privateDir.name, 'render-input.html');
      await fsp.writeFile(source, markup, { flag: 'wx', mode: 0o600 });
      const text = await fsp.readFile(source, 'utf8');
      return text.split('<page>').length - 1;
    } finally {
      privateDir.removeCallback();
    }
  };
}
