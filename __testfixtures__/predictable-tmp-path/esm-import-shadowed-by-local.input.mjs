import fs from 'fs';
import path from 'path';

export function save(data) {
  const path = '/tmp/u3.json';
  fs.writeFileSync(path, data);
  return fs.readFileSync(path, 'utf8');
}
