import type { Collection, JSCodeshift } from 'jscodeshift';
import type { Finding, Target } from './types';

/** Per-file state shared by every rule: the tree, the findings, and the edits still to apply. */
export class FileContext {
  findings: Finding[] = [];
  modified = false;
  quoteStyle: 'single' | 'double' = 'single';
  lineTerminator = '\n';
  constructor(
    readonly j: JSCodeshift,
    readonly root: Collection,
    readonly source: string,
    readonly filePath: string,
    readonly target: Target,
  ) {
    this.lineTerminator = source.includes('\r\n') ? '\r\n' : '\n';
  }
  finish(): void {}
}
