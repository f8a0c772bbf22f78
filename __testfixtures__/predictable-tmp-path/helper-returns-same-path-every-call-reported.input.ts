import * as os from 'os';
import * as path from 'path';

// Several modules call these and must meet at the same place: a new directory per call would split them.
export function workDir(): string {
  return path.join(os.tmpdir(), 'my-packager');
}

export function baseTempDir(opts: { tmpdir?: string }): string {
  return path.join(typeof opts.tmpdir === 'string' ? opts.tmpdir : os.tmpdir(), 'my-packager-base');
}
