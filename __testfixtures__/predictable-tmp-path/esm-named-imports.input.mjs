import { writeFileSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export function renderInvoice(invoice) {
  const htmlFile = join(tmpdir(), 'invoice.html');
  writeFileSync(htmlFile, `<h1>Invoice ${invoice.number}</h1>`);
  const html = readFileSync(htmlFile, 'utf8');
  if (invoice.total < 0) {
    throw new Error(`negative total in ${html}`);
  }
  return html.length;
}
