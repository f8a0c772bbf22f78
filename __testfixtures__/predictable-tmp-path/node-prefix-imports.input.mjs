import fs from 'node:fs';
import path from 'node:path';

export function previewPage(html) {
  const page = path.join('/tmp', 'preview.html');
  fs.writeFileSync(page, html);
  return fs.statSync(page).size;
}
