import * as fs from 'fs';
import { tmpdir as systemTemp } from 'os';
import * as path from 'path';

export function storeToken(token: string): string {
  using privateDir = fs.mkdtempDisposableSync(path.join(systemTemp(), 'oauth-token-'));
  const tokenFile = path.join(privateDir.path, 'oauth-token');
  fs.writeFileSync(tokenFile, token, { flag: 'wx', mode: 0o600 });
  return fs.readFileSync(tokenFile, 'utf8').slice(0, 4);
}
