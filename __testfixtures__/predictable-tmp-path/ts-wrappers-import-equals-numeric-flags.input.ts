import fs = require('fs');
import * as os from 'os';
import * as path from 'path';

export function save(data: string): string {
  const file = path.join(os.tmpdir(), 'x-wrapped.json') as string;
  fs.writeFileSync(file!, data);
  const fd = fs.openSync(path.join(os.tmpdir(), 'x-raw.bin'), fs.constants.O_CREAT | fs.constants.O_WRONLY, 0o644);
  fs.closeSync(fd);
  return fs.readFileSync(file, 'utf8') + fs.readFileSync(path.join(os.tmpdir(), 'x-raw.bin'), 'utf8');
}
