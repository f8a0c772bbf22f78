import fs from 'fs';
import path from 'path';
import nodePath from 'path';
import tmp from 'tmp';

export function save(data) {
  const privateDir = tmp.dirSync({ prefix: 'u3-', unsafeCleanup: true });
  try {
    const path = nodePath.join(privateDir.name, 'u3.json');
    fs.writeFileSync(path, data, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(path, 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
