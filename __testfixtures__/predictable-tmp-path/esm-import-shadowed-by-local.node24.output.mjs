import fs from 'fs';
import os from 'os';
import path from 'path';
import nodePath from 'path';

export function save(data) {
  using privateDir = fs.mkdtempDisposableSync(nodePath.join(os.tmpdir(), 'u3-'));
  const path = nodePath.join(privateDir.path, 'u3.json');
  fs.writeFileSync(path, data, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(path, 'utf8');
}
