// What an expression can hold, as far as temp files go. A value is a short list of alternatives
// (a join of branches, loop elements, callers); the empty list is "unknown". Facts only grow by
// steps that add to a path, so the evaluation needs no fixpoint: each node is evaluated once.
import type { Node, Path } from '../ast';

/** How guessable a name under the shared temp directory is, from the expressions in it. */
export type Guess = 'fixed' | 'pid' | 'time' | 'counter' | 'random' | 'input';

/** The node a rewrite points at the private directory, and how it spells the temp directory. */
export interface Ref {
  path: Path;
  /**
   * `dir`: the node is the temp directory itself (`os.tmpdir()`, `'/tmp'`, a variable holding it);
   * `literal`: a string starting with it (`'/tmp/app.json'`);
   * `template`: a template literal whose text starts with it (`` `/tmp/out-${id}` ``);
   * `name`: a call that only makes up a name (`tmp.tmpNameSync()`), replaced by a name in the directory.
   */
  kind: 'dir' | 'literal' | 'template' | 'name';
  /** For `literal` and `template`: characters of the directory part, slash included. */
  prefixLength: number;
}

/** Where a path value starts. */
export type Root =
  /** The shared temp directory, named by `source` (`os.tmpdir()`, `'/tmp'`, `process.env.TMPDIR`…). */
  | { kind: 'shared'; origin: Node; source: string }
  /** A name made up under the shared temp directory and not created (`tmp.tmpNameSync()`). */
  | { kind: 'name'; origin: Node; api: string; base: string }
  /** A directory only its owner can enter (`fs.mkdtempSync`, `tmp.dirSync().name`): the barrier. */
  | { kind: 'private'; origin: Node; api: string }
  /** A parameter of a function, while its body is evaluated; callers fill it in. */
  | { kind: 'param'; fn: Node; index: number };

export interface PathFact {
  kind: 'path';
  root: Root;
  /** The name under the root, normalised: '' for the root itself. Non-literal parts read `${source}`. */
  key: string;
  /** Where the name under the root was first joined on; absent while `key` is ''. */
  ref?: Ref;
  /** The expression that built the path, as far as it was built in one place. */
  expr?: Path;
  /** A readable stem for a mkdtemp prefix, from the old name; '' when there is none. */
  stem: string;
  /** The steps it took, for messages and for what can be rewritten. */
  via: Via[];
  /** How many of `via` came before `ref` was set: the steps after it decide where the path went. */
  viaAtRef?: number;
  /**
   * For a parameter root: what was read from the parameter before the path (`file.path` of each
   * element of `files`); callers' arguments are read the same way when they fill it in.
   */
  access?: Access[];
}

export type Access = { kind: 'element' } | { kind: 'prop'; name: string };

/** One step a value took: what kind, and how a message names it ('the loop variable dir'). */
export interface Via {
  kind: 'loop' | 'element' | 'property' | 'param' | 'return' | 'field' | 'callback' | 'module' | 'default';
  text: string;
  /** The node the step happened at (the call that passed a parameter, the function that returned). */
  node?: Node;
}

/**
 * An object literal (or a binding that holds one); properties are read by name. The expressions
 * stored under each name are evaluated when read, so an object nobody reads costs nothing.
 */
export interface ObjectFact {
  kind: 'object';
  props: Map<string, Path[]>;
  /** Properties a later spread (`{ dir: x, ...opts }`) or `Object.assign` source may replace. */
  overridable?: Set<string>;
}

/** An array (or another collection): iteration and element reads give its members, joined. */
export interface ArrayFact {
  kind: 'array';
  /** Element expressions (literal elements, pushed values), evaluated when read. */
  members: Path[];
  /** Elements known as values already (the result of `map`, `filter`, `concat`). */
  extra: Value;
}

/** A function defined in this file: calls to it use its summary. */
export interface FunctionFact {
  kind: 'function';
  fn: Path;
}

/** A result object of a temp library (`tmp.fileSync()`), whose `name`/`path` is private. */
export interface HandleFact {
  kind: 'handle';
  /** The property holding the path (`name`, `path`), and what that path is. */
  props: Map<string, Value>;
}

/**
 * Something else: an alternative the analysis cannot name (an option, a parameter's caller, a call
 * it does not know). Beside a temp path it says the path is only sometimes in the temp directory
 * (`opts.dir || os.tmpdir()`), so rewriting it would override the other choice.
 */
export interface OtherFact {
  kind: 'other';
}

/** `this` (or `self = this`) of a class or constructor function: its properties are the class's fields. */
export interface InstanceFact {
  kind: 'instance';
  cls: Node;
}

export type Fact = PathFact | ObjectFact | ArrayFact | FunctionFact | HandleFact | OtherFact | InstanceFact;
export type Value = readonly Fact[];

export const UNKNOWN: Value = [];

/** More alternatives than this and the value is unknown: it keeps every step linear. */
const MAX_ALTERNATIVES = 8;

export const OTHER: OtherFact = { kind: 'other' };

/** The join of alternatives that each run in some case (branches, `||`, callers): an unknown one counts as OTHER. */
export function either(...values: Value[]): Value {
  return join(...values.map((value) => (value.length === 0 ? [OTHER] : value)));
}

export function join(...values: Value[]): Value {
  const out: Fact[] = [];
  for (const value of values) for (const fact of value) if (!out.includes(fact)) out.push(fact);
  return out.length > MAX_ALTERNATIVES ? UNKNOWN : out;
}

export function paths(value: Value): PathFact[] {
  return value.filter((fact): fact is PathFact => fact.kind === 'path');
}

/** The part of a key that is literal text: `${…}` pieces left out. */
export function literalPart(key: string): string {
  return key.replace(/\$\{[^}]*\}/g, ' ');
}

/** How guessable a key is, from what its `${…}` pieces compute. */
export function guessOf(key: string): Guess {
  const pieces = key.match(/\$\{[^}]*\}/g) ?? [];
  if (pieces.length === 0) return 'fixed';
  const text = pieces.join(' ');
  if (/random|uuid|nanoid|randomBytes|crypto\.|cuid|shortid|ulid|uniqueString/i.test(text)) return 'random';
  if (/\bpid\b|process\.pid|getpid|ppid/i.test(text)) return 'pid';
  if (/Date\.now|new Date|getTime|hrtime|performance\.now|timestamp|\btime\b/i.test(text)) return 'time';
  if (/\+\+|--|\bcounter\b|\bcount\b|\bseq\b|\bindex\b|\bi\b|\bn\b/.test(text)) return 'counter';
  return 'input';
}

/**
 * The `${…}` pieces of a key that say nothing of how guessable it is, for a message: `name`,
 * `this.options.defaultInvalidName` (three at most). What the name is built from, not "its inputs":
 * a function with no parameters builds names too.
 */
export function unjudgedPieces(key: string): string {
  const pieces = [...new Set((key.match(/\$\{[^}]*\}/g) ?? []).filter((piece) => guessOf(piece) === 'input').map((piece) => piece.slice(2, -1)))];
  if (pieces.length === 0) return 'values it cannot read';
  const shown = pieces.slice(0, 3);
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return pieces.length > 3 ? `${shown.join(', ')} and more` : list;
}

/** The number of names `Math.random() * N` can give, when it is small enough to plant them all (N ≤ 10^7). */
export function fewRandomNames(key: string): number | undefined {
  const match = /Math\.random\(\)\s*\*\s*(\d+)\b/.exec(key);
  if (!match || /random(?!\(\)\s*\*)/i.test(key.replace(match[0], ''))) return undefined;
  const count = Number(match[1]);
  return count <= 10_000_000 ? count : undefined;
}

/** 'app-config.json' → 'app-config'; 'job-' → 'job'; 'cache/a.txt' → 'cache'. */
export function stemOf(name: string): string {
  const first = name.replace(/^\/+/, '').split('/')[0].replace(/\$\{.*$/, '');
  const base = first.replace(/\.[A-Za-z0-9]+$/, '');
  return base.replace(/[^A-Za-z0-9._-]/g, '').replace(/[._-]+$/, '').replace(/^[._-]+/, '').slice(0, 40);
}

/** `a` joined with `b` as path segments, without doubled or leading slashes. */
export function joinKey(a: string, b: string): string {
  const right = b.replace(/^\/+/, '');
  if (!a) return right;
  if (!right) return a;
  return `${a.replace(/\/+$/, '')}/${right}`;
}
