import { promises as fsp } from 'fs';
import os from 'os';
import path from 'path';

export class PdfRenderer {
  constructor(private readonly engine: (file: string) => Promise<number>) {}

  renderPages = async (markup: string): Promise<number> => {
    await using privateDir = await fsp.mkdtempDisposable(path.join(os.tmpdir(), 'render-input-'));
    const source = path.join(privateDir.path, 'render-input.html');
    await fsp.writeFile(source, markup, { flag: 'wx', mode: 0o600 });
    const text = await fsp.readFile(source, 'utf8');
    return text.split('<page>').length - 1;
  };
}
