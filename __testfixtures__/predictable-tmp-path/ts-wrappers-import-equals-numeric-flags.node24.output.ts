import fs = require('fs');
import * as os from 'os';
import * as path from 'path';

export function save(data: string): string {
  using privateDir = fs.mkdtempDisposableSync(path.join(os.tmpdir(), 'x-wrapped-'));
  const file = path.join(privateDir.path, 'x-wrapped.json') as string;
  fs.writeFileSync(file!, data, { flag: 'wx', mode: 0o600 });
  const fd = fs.openSync(path.join(privateDir.path, 'x-raw.bin'), fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o600);
  fs.closeSync(fd);
  return fs.readFileSync(file, 'utf8') + fs.readFileSync(path.join(privateDir.path, 'x-raw.bin'), 'utf8');
}
