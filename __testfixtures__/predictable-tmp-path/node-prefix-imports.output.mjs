import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function previewPage(html) {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-'));
  try {
    const page = path.join(privateDir, 'preview.html');
    fs.writeFileSync(page, html, { flag: 'wx', mode: 0o600 });
    return fs.statSync(page).size;
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
