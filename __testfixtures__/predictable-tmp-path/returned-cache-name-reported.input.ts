import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { join } from 'pathe';
import { tryRealpath } from 'jest-util';

// A per-user cache name in the shared temp directory, for callers elsewhere: another user can make it first.
export const getCacheDirectory = (): string => {
  const base = path.join(tryRealpath(tmpdir()), 'jest');
  return `${base}_${process.getuid!().toString(36)}`;
};

// pathe's join is path.join: a fixed name for callers elsewhere.
export function getToolDir(): string {
  return join(tmpdir(), 'tool');
}
