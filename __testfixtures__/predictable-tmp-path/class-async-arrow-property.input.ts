import { promises as fsp } from 'fs';
import os from 'os';
import path from 'path';

export class PdfRenderer {
  constructor(private readonly engine: (file: string) => Promise<number>) {}

  renderPages = async (markup: string): Promise<number> => {
    const source = path.join(os.tmpdir(), 'render-input.html');
    await fsp.writeFile(source, markup);
    const text = await fsp.readFile(source, 'utf8');
    return text.split('<page>').length - 1;
  };
}
