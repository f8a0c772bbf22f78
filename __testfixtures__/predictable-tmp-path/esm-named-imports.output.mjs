import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export function renderInvoice(invoice) {
  const privateDir = mkdtempSync(join(tmpdir(), 'invoice-'));
  try {
    const htmlFile = join(privateDir, 'invoice.html');
    writeFileSync(htmlFile, `<h1>Invoice ${invoice.number}</h1>`, { flag: 'wx', mode: 0o600 });
    const html = readFileSync(htmlFile, 'utf8');
    if (invoice.total < 0) {
      throw new Error(`negative total in ${html}`);
    }
    return html.length;
  } finally {
    rmSync(privateDir, { recursive: true, force: true });
  }
}
