import type { RuleMeta } from '../engine/types';
import type { Cleanups } from './cleanup';
import type { PyContext } from './context';
import type { PrivateDirs } from './private-dir';
import type { PyNode } from './tree';

/** What a Python rule works with: the file, every call in it, and the two shared rewriters. */
export interface PyRuleContext {
  ctx: PyContext;
  calls: PyNode[];
  dirs: PrivateDirs;
  cleanups: Cleanups;
}

export interface PyRule {
  /** Same id, description, CWE and docs page as the JavaScript rule of that id, when there is one. */
  meta: RuleMeta;
  /** Finds what the rule is about and hands it to the rewriters; never reads the disk, never prints. */
  run(rc: PyRuleContext): void;
}
