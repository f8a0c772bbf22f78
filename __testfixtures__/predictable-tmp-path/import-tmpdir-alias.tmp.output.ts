import * as fs from 'fs';
import * as path from 'path';
import * as tmp from 'tmp';

export function storeToken(token: string): string {
  const privateDir = tmp.dirSync({ prefix: 'oauth-token-', unsafeCleanup: true });
  try {
    const tokenFile = path.join(privateDir.name, 'oauth-token');
    fs.writeFileSync(tokenFile, token, { flag: 'wx', mode: 0o600 });
    return fs.readFileSync(tokenFile, 'utf8').slice(0, 4);
  } finally {
    privateDir.removeCallback();
  }
}
