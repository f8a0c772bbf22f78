import fs = require('fs');
import * as path from 'path';
import * as tmp from 'tmp';

export function save(data: string): string {
  const privateDir = tmp.dirSync({ prefix: 'x-wrapped-', unsafeCleanup: true });
  try {
    const file = path.join(privateDir.name, 'x-wrapped.json') as string;
    fs.writeFileSync(file!, data, { flag: 'wx', mode: 0o600 });
    const fd = fs.openSync(path.join(privateDir.name, 'x-raw.bin'), fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o600);
    fs.closeSync(fd);
    return fs.readFileSync(file, 'utf8') + fs.readFileSync(path.join(privateDir.name, 'x-raw.bin'), 'utf8');
  } finally {
    privateDir.removeCallback();
  }
}
