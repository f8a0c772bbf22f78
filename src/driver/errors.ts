import type * as fs from 'node:fs';

/** Bad input from the user: exit code 2, nothing done. */
export class UsageError extends Error {}

export const EXIT = {
  ok: 0,
  workFound: 1,
  failed: 2,
  /** stdout was closed before the output was complete (`tmpfix | head`): the run stopped there. */
  outputClosed: 3,
} as const;

/** `EACCES: permission denied` from a Node error, without the path Node appends. */
export function describeError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const reason = /^[A-Z0-9_]+: ([^,]+)/.exec(message ?? '')?.[1];
  if (code && reason) return `${code}: ${reason}`;
  return code ?? String(message ?? error);
}

/** What a path is when it is not a regular file, for messages: `a FIFO`, `a symlink`, ... */
export function kindOf(stat: fs.Stats): string {
  if (stat.isSymbolicLink()) return 'a symlink';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
