import fs from 'node:fs';
import path from 'node:path';
import tmp from 'tmp';

export function previewPage(html) {
  const privateDir = tmp.dirSync({ prefix: 'preview-', unsafeCleanup: true });
  try {
    const page = path.join(privateDir.name, 'preview.html');
    fs.writeFileSync(page, html, { flag: 'wx', mode: 0o600 });
    return fs.statSync(page).size;
  } finally {
    privateDir.removeCallback();
  }
}
