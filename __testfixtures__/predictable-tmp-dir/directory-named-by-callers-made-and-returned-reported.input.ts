import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

// A scripting library's helper: the caller names the directory (or gets a random one) and keeps it.
export function scratchDir(prefix: string = `kit-${randomUUID()}`, mode?: number): string {
  const dirpath = path.join(os.tmpdir(), prefix);
  fs.mkdirSync(dirpath, { recursive: true, mode });

  return dirpath;
}
