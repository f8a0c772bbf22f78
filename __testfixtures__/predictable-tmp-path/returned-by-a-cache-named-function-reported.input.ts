import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A transpiler's cache directory: the name holds no word of a cache, the function's does. A private
// directory per call would turn the cache off, so the advice is a per-user directory, not mkdtemp.
export function getCacheDir(): string {
  return join(tmpdir(), 'quickts');
}

export function cacheFile(hash: string): string {
  return join(getCacheDir(), `${hash}.js`);
}
