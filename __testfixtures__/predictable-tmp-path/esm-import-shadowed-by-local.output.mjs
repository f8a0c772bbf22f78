import fs from 'fs';
import os from 'os';
import path from 'path';
import nodePath from 'path';

export function save(data) {
  const privateDir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'u3-'));
  try {
    const path = nodePath.join(privateDir, 'u3.json');
    fs.writeFileSync(path, data, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(path, 'utf8');
  } finally {
    fs.rmSync(privateDir, { recursive: true, force: true });
  }
}
