import * as fs from 'fs';
import { tmpdir as systemTemp } from 'os';
import * as path from 'path';

export function storeToken(token: string): string {
  const tokenFile = path.join(systemTemp(), 'oauth-token');
  fs.writeFileSync(tokenFile, token);
  return fs.readFileSync(tokenFile, 'utf8').slice(0, 4);
}
