import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function previewPage(html) {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'preview-'));
  const page = path.join(privateDir.path, 'preview.html');
  fs.writeFileSync(page, html, { flag: 'wx', mode: 0o600 });
  return fs.statSync(page).size;
}
