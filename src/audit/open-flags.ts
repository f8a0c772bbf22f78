// Node's open flags ('wx', 'a+', or a number) as the O_* names the system call receives.
import fs = require('node:fs');

const { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_SYNC } = fs.constants;

/** The numbers Node gives each string flag (lib/internal/fs/utils.js stringToFlags). */
const STRING_FLAGS: Record<string, number> = {
  r: O_RDONLY,
  rs: O_RDONLY | O_SYNC,
  sr: O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  w: O_TRUNC | O_CREAT | O_WRONLY,
  wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  a: O_APPEND | O_CREAT | O_WRONLY,
  ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

const NAMED_BITS: [string, number | undefined][] = [
  ['O_CREAT', O_CREAT], ['O_EXCL', O_EXCL], ['O_TRUNC', O_TRUNC], ['O_APPEND', O_APPEND],
  ['O_NOFOLLOW', fs.constants.O_NOFOLLOW], ['O_SYNC', O_SYNC], ['O_DIRECTORY', fs.constants.O_DIRECTORY],
];

/** The flags as a number, or undefined when Node would refuse them anyway. */
export function flagsNumber(flags: unknown, fallback: string): number | undefined {
  if (flags === undefined || flags === null) return STRING_FLAGS[fallback];
  if (typeof flags === 'number') return flags;
  if (typeof flags === 'string') return STRING_FLAGS[flags];
  return undefined;
}

export function flagNames(flags: number): string[] {
  const access = flags & 3;
  const names = [access === O_WRONLY ? 'O_WRONLY' : access === O_RDWR ? 'O_RDWR' : 'O_RDONLY'];
  for (const [name, bit] of NAMED_BITS) if (bit && (flags & bit) === bit) names.push(name);
  return names;
}

/** Opens that can create or change a file: anything but a plain read. */
export function opensForWriting(flags: number): boolean {
  return (flags & 3) !== O_RDONLY || (flags & (O_CREAT | O_TRUNC | O_APPEND)) !== 0;
}

export function isExclusive(flags: number): boolean {
  return (flags & O_CREAT) !== 0 && (flags & O_EXCL) !== 0;
}
