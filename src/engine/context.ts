import { ownerOf, type Node, type Path } from './ast';
import { FsCalls, type FsCall } from './fs-calls';
import { Modules } from './modules';
import { computeLineStarts, detectStyle, Edits, type Style } from './text';
import { TmpDirs, type TmpPath } from './tmpdir';
import type { Tree } from './tree';
import { Scopes } from './scope';
import type { Finding, RuleMeta, Target } from './types';

/** A creating call on a temp path that a rule wants moved into a private directory. */
export interface Site {
  ruleId: string;
  call: Path;
  fs: FsCall;
  tmp: TmpPath;
  /** What was found, for the finding's message: "writeFileSync() on a fixed name". */
  what: string;
  /**
   * An existence check around the call, to be dropped (check-then-create): the statement holding it
   * (`if`, `try`), the block to keep, and the check itself (which no longer counts as a use).
   */
  check?: { statement: Path; keep: Node; test: Node };
}

export interface CallSite {
  path: Path;
  call: FsCall;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Finds what the rule is about in the file's one shared tree: reports findings and hands sites to
   * the engine, which plans and writes the rewrite. Never reads the disk, never prints.
   */
  run(ctx: FileContext): void;
}

const IGNORE_FILE = /tmpfix-ignore-file/;
const IGNORE_NEXT_LINE = /tmpfix-ignore-next-line/;

/** Per-file state shared by every rule: one tree, the findings, and the edits still to apply. */
export class FileContext {
  readonly findings: Finding[] = [];
  readonly sites: Site[] = [];
  /** Calls a rule has taken care of, so that no other rule reports them again. */
  readonly claimed = new Set<Node>();
  readonly program: Node;
  readonly style: Style;
  readonly lineStarts: number[];
  readonly edits: Edits;
  readonly modules: Modules;
  readonly tmp: TmpDirs;
  readonly fs: FsCalls;
  readonly scopes = new Scopes();
  /** Every identifier name in the file: a new name outside this set cannot clash or shadow. */
  readonly names: Set<string>;
  private ignoreFile = false;
  private ignoredLines = new Set<number>();
  private fsCallCache?: CallSite[];
  private readonly kept = new Map<Node, string[]>();

  constructor(
    readonly tree: Tree,
    readonly source: string,
    readonly filePath: string,
    readonly target: Target,
  ) {
    this.program = tree.program;
    for (const comment of (tree.file.comments ?? []) as Node[]) {
      if (IGNORE_FILE.test(comment.value)) this.ignoreFile = true;
      if (IGNORE_NEXT_LINE.test(comment.value)) this.ignoredLines.add(comment.loc.end.line + 1);
    }
    this.names = tree.names;
    const ends: string[] = [];
    for (const statement of this.program.body as Node[]) {
      if (statement.type === 'ExpressionStatement' || statement.type === 'VariableDeclaration' || statement.type === 'ImportDeclaration') {
        ends.push(source.slice(statement.start, statement.end).trimEnd());
      }
    }
    this.style = detectStyle(source, tree.stringRaws, ends);
    this.lineStarts = computeLineStarts(source);
    this.edits = new Edits(source, this.lineStarts);
    const isTs = /\.[cm]?tsx?$/i.test(filePath);
    this.modules = new Modules(tree, this.scopes, this.style, isTs, source);
    this.tmp = new TmpDirs(this.modules, this.scopes, tree, source);
    this.fs = new FsCalls(this.modules, source);
  }

  /** Paths of the nodes of `type` that have to do with the temp directory: where rules look. */
  candidates(type: string): Path[] {
    return this.tree.hotOfType(type).map((node) => this.tree.pathOf(node));
  }

  get modified(): boolean {
    return !this.edits.empty;
  }

  /** Every call into the file system API that involves a temp path, classified once and shared by the rules. */
  fsCalls(): CallSite[] {
    if (!this.fsCallCache) {
      const found: CallSite[] = [];
      for (const type of ['CallExpression', 'OptionalCallExpression']) {
        for (const node of this.tree.hotOfType(type)) {
          if (!this.modules.mayReferToModule(node.callee)) continue;
          const path = this.tree.pathOf(node);
          const call = this.fs.classify(path);
          if (call) found.push({ path, call });
        }
      }
      this.fsCallCache = found.sort((a, b) => a.path.node.start - b.path.node.start);
    }
    return this.fsCallCache;
  }

  isSuppressed(node: Node): boolean {
    return this.ignoreFile || this.ignoredLines.has(node.loc.start.line);
  }

  text(node: Node): string {
    return this.source.slice(node.start, node.end);
  }

  /** Records a finding at `node`. Suppressed ones are kept, marked, and never rewritten. */
  report(ruleId: string, node: Node, message: string, fixed: boolean): void {
    this.findings.push({
      ruleId,
      message,
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
      endLine: node.loc.end.line,
      endColumn: node.loc.end.column + 1,
      fixed,
      suppressed: this.isSuppressed(node),
    });
  }

  /** A rule hands over a site; suppressed sites are reported as such and left alone. */
  addSite(site: Site): void {
    this.claimed.add(site.call.node);
    if (this.isSuppressed(site.call.node)) {
      this.report(site.ruleId, site.call.node, `${site.what} (suppressed)`, false);
      return;
    }
    if (/(^|\/)\.\.(\/|$)/.test(site.tmp.key)) {
      this.leaveAlone(site.ruleId, site.call.node, site.tmp, `${site.what}: the name climbs out of the temp directory with '..', so no private directory can hold it; not rewritten. Build the path from a directory of your own`);
      return;
    }
    this.sites.push(site);
  }

  /**
   * A temp path that must keep its name (a lock, a socket, a cache, a log): reported, not rewritten,
   * and no other rewrite in the same function may move it.
   */
  leaveAlone(ruleId: string, node: Node, tmp: TmpPath, message: string): void {
    this.claimed.add(node);
    this.report(ruleId, node, message, false);
    const owner = ownerOf(tmp.ref.path).node;
    const keys = this.kept.get(owner) ?? [];
    keys.push(tmp.key);
    this.kept.set(owner, keys);
  }

  /**
   * Creating calls whose target is built from the temp directory in a way the engine cannot follow
   * (a `let` assigned elsewhere, a parameter default, a spread): rules report them, never skip them.
   */
  unresolvedCreations(kinds: FsCall['creates'][]): CallSite[] {
    return this.fsCalls().filter(({ path, call }) => {
      if (!kinds.includes(call.creates) || this.claimed.has(path.node)) return false;
      const args = path.node.arguments as Node[];
      const index = Math.min(call.target, args.length - 1);
      if (index < 0) return false;
      const target = path.get('arguments', index) as Path;
      if (args[index].type !== 'SpreadElement' && (index !== call.target || this.tmp.tmpPathOf(target))) return false;
      return this.tmp.mentionsTmpDir(target);
    });
  }

  /** Whether a temp name in `owner` was left alone on purpose (or lies under one that was). */
  isKept(owner: Node, key: string): boolean {
    return (this.kept.get(owner) ?? []).some((kept) => key === kept || key.startsWith(`${kept}/`));
  }

  /** Writes the imports the rewrites asked for. */
  finish(): void {
    this.modules.flush(this.edits);
  }

  output(): string {
    return this.edits.apply(this.style.indentUnit);
  }
}
