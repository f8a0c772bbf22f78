import { writeFileSync, readFileSync, mkdtempDisposableSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export function renderInvoice(invoice) {
  using privateDir = mkdtempDisposableSync(join(tmpdir(), 'invoice-'));
  const htmlFile = join(privateDir.path, 'invoice.html');
  writeFileSync(htmlFile, `<h1>Invoice ${invoice.number}</h1>`, { flag: 'wx', mode: 0o600 });
  const html = readFileSync(htmlFile, 'utf8');
  if (invoice.total < 0) {
    throw new Error(`negative total in ${html}`);
  }
  return html.length;
}
