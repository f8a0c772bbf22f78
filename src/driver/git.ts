import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface Repository {
  /** The working tree's top directory. */
  root: string;
  /** `.git/info/exclude`, wherever this checkout keeps it. */
  infoExclude: string;
}

function git(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, stdout: result.stdout ?? '', stderr: result.stderr ?? String(result.error ?? '') };
}

/** The git working tree around `cwd`, or undefined outside git (or without git installed). */
export function findRepository(cwd: string): Repository | undefined {
  const result = git(cwd, ['rev-parse', '--show-toplevel', '--git-common-dir']);
  if (!result.ok) return undefined;
  const [root, commonDir] = result.stdout.split('\n');
  if (!root) return undefined;
  return { root: path.resolve(root), infoExclude: path.resolve(cwd, commonDir, 'info', 'exclude') };
}

const PATHS_PER_CALL = 200;

/**
 * Which of `rels` (paths relative to the root) differ from HEAD: modified, staged, untracked or ignored.
 * Such a file has no committed copy to go back to, so --write leaves it alone.
 */
export function uncommitted(repo: Repository, rels: string[]): Set<string> {
  const dirty = new Set<string>();
  for (let i = 0; i < rels.length; i += PATHS_PER_CALL) {
    const chunk = rels.slice(i, i + PATHS_PER_CALL);
    const pathspecs = chunk.map((rel) => `:(literal,top)${rel}`);
    const result = git(repo.root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=traditional', '--', ...pathspecs]);
    if (!result.ok) {
      // Without an answer from git, no file counts as safe to overwrite.
      for (const rel of chunk) dirty.add(rel);
      continue;
    }
    const entries = result.stdout.split('\0');
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      if (entry.length < 4) continue;
      dirty.add(entry.slice(3));
      if (entry[0] === 'R' || entry[0] === 'C') k++; // the rename's source follows
    }
  }
  return dirty;
}
