import { writeFileSync, readFileSync } from 'fs';
import { join } from 'path';
import tmp from 'tmp';

export function renderInvoice(invoice) {
  const privateDir = tmp.dirSync({ prefix: 'invoice-', unsafeCleanup: true });
  try {
    const htmlFile = join(privateDir.name, 'invoice.html');
    writeFileSync(htmlFile, `<h1>Invoice ${invoice.number}</h1>`, { flag: 'wx', mode: 0o600 });
    const html = readFileSync(htmlFile, 'utf8');
    if (invoice.total < 0) {
      throw new Error(`negative total in ${html}`);
    }
    return html.length;
  } finally {
    privateDir.removeCallback();
  }
}
