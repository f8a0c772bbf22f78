// The only module that loads web-tree-sitter. Its WebAssembly starts asynchronously, so the driver
// awaits `pythonReady()` once, on the first Python file that needs a parse; after that every parse is
// synchronous. A run that never meets such a file never loads it.
import type { Language, Parser as TsParser, Query as TsQuery, Node as TsNode } from 'web-tree-sitter';

interface Runtime {
  parser: TsParser;
  language: Language;
  Query: typeof TsQuery;
}

let runtime: Runtime | undefined;
let loading: Promise<void> | undefined;
let failure: string | undefined;

async function load(): Promise<void> {
  // While the WebAssembly compiles on V8's threads, a timer keeps the event loop turning. With no
  // handle left, Node waits for those threads in NodePlatform::DrainTasks, and a concurrent compile job
  // that needs a garbage collection from this thread then waits for it forever (nodejs/node#54918):
  // a run over a Python repository hung about one time in five on a loaded machine, never with it.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ts = require('web-tree-sitter') as typeof import('web-tree-sitter');
    await ts.Parser.init();
    const language = await ts.Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
    const parser = new ts.Parser();
    parser.setLanguage(language);
    runtime = { parser, language, Query: ts.Query };
  } catch (error) {
    failure = (error as Error)?.message ?? String(error);
  } finally {
    clearInterval(keepAlive);
  }
}

/** Starts the parser once; resolves (never rejects) when it is ready or has failed to load. */
export function pythonReady(): Promise<void> {
  loading ??= load();
  return loading;
}

export function pythonLoaded(): boolean {
  return runtime !== undefined || failure !== undefined;
}

function ready(): Runtime {
  if (runtime) return runtime;
  throw new Error(failure ? `the Python parser could not be loaded: ${failure}` : 'the Python parser is not loaded yet (await pythonReady() first)');
}

/** A plain copy of tree-sitter's syntax tree: analysis then never crosses into WebAssembly. */
export interface PyNode {
  type: string;
  named: boolean;
  /** Offsets into the source string (UTF-16 code units, as JavaScript indexes strings). */
  start: number;
  end: number;
  /** 0-based row, and column in UTF-16 code units. */
  row: number;
  col: number;
  endRow: number;
  endCol: number;
  field: string | null;
  parent: PyNode | null;
  children: PyNode[];
  /** tree-sitter's ERROR node or a node it had to invent (MISSING). */
  broken: boolean;
}

function copy(root: TsNode): PyNode {
  const cursor = root.walk();
  const make = (parent: PyNode | null): PyNode => ({
    type: cursor.nodeType,
    named: cursor.nodeIsNamed,
    start: cursor.startIndex,
    end: cursor.endIndex,
    row: cursor.startPosition.row,
    col: cursor.startPosition.column,
    endRow: cursor.endPosition.row,
    endCol: cursor.endPosition.column,
    field: cursor.currentFieldName,
    parent,
    children: [],
    broken: cursor.nodeType === 'ERROR' || cursor.nodeIsMissing,
  });
  const top = make(null);
  let current = top;
  // Depth-first with the cursor: one step into WebAssembly per node.
  for (;;) {
    if (cursor.gotoFirstChild()) {
      const child = make(current);
      current.children.push(child);
      current = child;
      continue;
    }
    for (;;) {
      if (current === top) {
        cursor.delete();
        return top;
      }
      if (cursor.gotoNextSibling()) {
        const sibling = make(current.parent);
        current.parent!.children.push(sibling);
        current = sibling;
        break;
      }
      cursor.gotoParent();
      current = current.parent!;
    }
  }
}

export interface ParsedPython {
  root: PyNode;
  /** The first ERROR or MISSING node, when the text does not parse cleanly. */
  error?: { line: number; column: number; message: string };
  /** Whether any code (not a comment) names a temp API, the temp directory or its variables. */
  mentionsTemp: boolean;
}

const queries = new WeakMap<Language, TsQuery>();

/** Identifiers and strings that every rule starts from; a file without one has nothing to do. */
const HOT = `
((identifier) @api (#match? @api "^(mktemp|mkstemp|mkdtemp|NamedTemporaryFile|TemporaryDirectory|gettempdir|gettempdirb|tempdir|tempnam|tmpnam)$"))
((string_content) @tmp (#match? @tmp "^/(tmp|var/tmp|dev/shm)(/|$)"))
((string_content) @env (#match? @env "^(TMPDIR|TMP|TEMP)$"))
`;

function firstProblem(node: TsNode): TsNode | undefined {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return undefined;
  for (const child of node.children) {
    const found = child && firstProblem(child);
    if (found) return found;
  }
  return undefined;
}

export function parsePython(source: string): ParsedPython {
  const { parser, language, Query } = ready();
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const top = tree.rootNode;
    const problem = top.hasError ? firstProblem(top) ?? top : undefined;
    if (problem) {
      const message = problem.isMissing ? `expected ${problem.type}` : `invalid syntax near ${JSON.stringify(source.slice(problem.startIndex, Math.min(problem.endIndex, problem.startIndex + 20)))}`;
      return { root: copy(top), error: { line: problem.startPosition.row + 1, column: problem.startPosition.column + 1, message }, mentionsTemp: false };
    }
    let query = queries.get(language);
    if (!query) {
      query = new Query(language, HOT);
      queries.set(language, query);
    }
    const mentionsTemp = query.captures(top).length > 0;
    return { root: mentionsTemp ? copy(top) : emptyRoot(source), mentionsTemp };
  } finally {
    tree.delete();
  }
}

function emptyRoot(source: string): PyNode {
  return { type: 'module', named: true, start: 0, end: source.length, row: 0, col: 0, endRow: 0, endCol: 0, field: null, parent: null, children: [], broken: false };
}
