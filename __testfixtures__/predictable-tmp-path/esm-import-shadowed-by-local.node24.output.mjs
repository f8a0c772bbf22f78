import fs from 'fs';
import path from 'path';
import nodePath from 'path';
import os from 'os';

export function save(data) {
  using privateDir = fs.mkdtempDisposableSync(nodePath.join(os.tmpdir(), 'u3-'));
  const path = nodePath.join(privateDir.path, 'u3.json');
  fs.writeFileSync(path, data, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(path, 'utf8');
}
