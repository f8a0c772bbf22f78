// Sinks: calls that create or write a path (the creations rules look at), and the calls around
// them that matter for lifetimes: existence checks, removals.

export type Creates = 'file' | 'dir' | 'link' | 'none';
export type OptionsShape = 'write' | 'open' | 'stream' | 'mkdir' | 'none';

export interface Sink {
  creates: Creates;
  /** Index of the argument naming the path that is created or written. */
  target: number;
  /** Where the call takes options, for adding `{ flag: 'wx', mode: 0o600 }` and its kin. */
  options: OptionsShape;
}

/** Methods of fs, fs/promises, graceful-fs and fs-extra (without `Sync`), and what they create. */
export const SINKS: Readonly<Record<string, Sink>> = {
  writeFile: { creates: 'file', target: 0, options: 'write' },
  appendFile: { creates: 'file', target: 0, options: 'write' },
  outputFile: { creates: 'file', target: 0, options: 'write' },
  writeJson: { creates: 'file', target: 0, options: 'write' },
  writeJSON: { creates: 'file', target: 0, options: 'write' },
  outputJson: { creates: 'file', target: 0, options: 'write' },
  outputJSON: { creates: 'file', target: 0, options: 'write' },
  ensureFile: { creates: 'file', target: 0, options: 'none' },
  createFile: { creates: 'file', target: 0, options: 'none' },
  open: { creates: 'file', target: 0, options: 'open' },
  createWriteStream: { creates: 'file', target: 0, options: 'stream' },
  copyFile: { creates: 'file', target: 1, options: 'none' },
  copy: { creates: 'file', target: 1, options: 'none' },
  cp: { creates: 'file', target: 1, options: 'none' },
  move: { creates: 'file', target: 1, options: 'none' },
  rename: { creates: 'file', target: 1, options: 'none' },
  link: { creates: 'link', target: 1, options: 'none' },
  symlink: { creates: 'link', target: 1, options: 'none' },
  ensureSymlink: { creates: 'link', target: 1, options: 'none' },
  ensureLink: { creates: 'link', target: 1, options: 'none' },
  mkdir: { creates: 'dir', target: 0, options: 'mkdir' },
  mkdirp: { creates: 'dir', target: 0, options: 'mkdir' },
  mkdirs: { creates: 'dir', target: 0, options: 'mkdir' },
  ensureDir: { creates: 'dir', target: 0, options: 'mkdir' },
};

/** Calls that ask whether a path is there (the check of check-then-create). */
export const CHECKS: ReadonlySet<string> = new Set(['exists', 'access', 'stat', 'lstat', 'pathExists']);

/** Calls that remove a path: where the old code cleaned up, the private directory goes (fs-extra's emptyDir keeps the directory, so it is not one). */
export const REMOVALS: ReadonlySet<string> = new Set(['unlink', 'rm', 'rmdir', 'remove']);

/**
 * Calls that run what is at a path (child_process and execa members, by the argument that names the
 * program or module): a file another user plants in a directory that such a call reads from runs as
 * this user. `require`, `import()` and `new Worker()` are the engine's own (no module leads to them).
 */
export const RUNS: Readonly<Partial<Record<string, Readonly<Record<string, number>>>>> = {
  childProcess: { exec: 0, execSync: 0, execFile: 0, execFileSync: 0, spawn: 0, spawnSync: 0, fork: 0 },
  execa: { default: 0, execa: 0, execaSync: 0, execaNode: 0, execaCommand: 0, execaCommandSync: 0 },
};
