import type { FileContext, Rule } from '../src/engine/context';
import { ownerOf, stringValue, unwrap, type Node, type Path } from '../src/engine/ast';
import { addFinally, statementOf } from '../src/engine/cleanup';
import { stemOf } from '../src/engine/dataflow/lattice';
import { freshName, type ModuleKind } from '../src/engine/modules';
import { jscodeshiftTransform } from './jscodeshift';

const id = 'weak-temp-library';

/** The library calls that create temp files or directories less safely than they look. */
interface Weak {
  module: ModuleKind;
  member: string;
  /** `dir`: returns a directory path; `write`: writes data to a new file and returns its path. */
  makes: 'dir' | 'write';
  api: 'sync' | 'promise' | 'callback';
  danger: string;
}

/** node-temp's mkdir: mkdirp (an existing directory is fine) at the date, the pid and Math.random (no secure source). */
const TEMP_MKDIR = 'takes an existing directory, under a name made with Math.random';

const WEAK: readonly Weak[] = [
  { module: 'temp', member: 'mkdirSync', makes: 'dir', api: 'sync', danger: TEMP_MKDIR },
  { module: 'temp', member: 'mkdir', makes: 'dir', api: 'callback', danger: TEMP_MKDIR },
  { module: 'tempy', member: 'temporaryDirectory', makes: 'dir', api: 'sync', danger: 'makes the directory with mode 0755, readable by every user' },
  { module: 'tempy', member: 'directory', makes: 'dir', api: 'sync', danger: 'makes the directory with mode 0755, readable by every user' },
  { module: 'tempy', member: 'temporaryWriteSync', makes: 'write', api: 'sync', danger: 'writes the file with mode 0644 and without O_EXCL' },
  { module: 'tempy', member: 'temporaryWrite', makes: 'write', api: 'promise', danger: 'writes the file with mode 0644 and without O_EXCL' },
  { module: 'tempy', member: 'writeSync', makes: 'write', api: 'sync', danger: 'writes the file with mode 0644 and without O_EXCL' },
  { module: 'tempy', member: 'write', makes: 'write', api: 'promise', danger: 'writes the file with mode 0644 and without O_EXCL' },
];

/** The options a call takes, read as literal strings: `temp.mkdirSync('pre')`, `({ prefix, extension, name })`. */
function affixes(call: Node, weak: Weak): { prefix: string; base: string } {
  const args = call.arguments as Node[];
  const optionsArg = weak.makes === 'write' ? args[1] : args[0];
  const options = optionsArg ? unwrap(optionsArg) : undefined;
  const prop = (name: string): string | undefined => {
    if (options?.type !== 'ObjectExpression') return undefined;
    const found = (options.properties as Node[]).find((p) => !p.computed && (p.key?.name ?? p.key?.value) === name);
    return found ? stringValue(found.value) : undefined;
  };
  const text = options ? stringValue(options) : undefined;
  const prefix = text ?? prop('prefix') ?? '';
  const extension = prop('extension');
  const base = prop('name') ?? `tmp${extension ? (extension.startsWith('.') ? extension : `.${extension}`) : ''}`;
  return { prefix, base };
}

/**
 * temp's mkdir (it takes a directory that is already there), tempy's temporaryDirectory (0755) and
 * temporaryWrite (0644, not exclusive): replaced by Node's own exclusive, owner-only calls, with the
 * same result (a path), and removal in finally when the directory stays in the function.
 */
export const weakTempLibrary: Rule = {
  meta: {
    id,
    description: 'A temp library call that makes a directory or file others can reach or pre-create',
    cwe: ['CWE-377', 'CWE-379', 'CWE-276'],
    docs: `docs/rules/${id}.md`,
    fix: 'safe',
    // A vendored copy counts too (`require('../lib/temp')`).
    prefilter: /['"](?:[^'"\n]*\/)?(?:temp|tempy)['"]/,
  },
  run(ctx: FileContext) {
    // temp.track() removes what temp made at exit: Node's calls would not be tracked.
    const tracked = /\.track\s*\(/.test(ctx.source);
    for (const type of ['CallExpression', 'OptionalCallExpression']) {
      for (const node of ctx.tree.ofType(type)) {
        const call = ctx.tree.pathOf(node);
        const ref = ctx.modules.calleeOf(call);
        const weak = ref && WEAK.find((w) => w.module === ref.module && w.member === ref.member);
        if (!weak) continue;
        const args = node.arguments as Node[];
        const hasCallback = args.length > 0 && /Function/.test(unwrap(args[args.length - 1]).type);
        const api = weak.api === 'callback' && !hasCallback ? 'promise' : weak.api;
        const what = `${ctx.text(node.callee)}() ${weak.danger}`;
        if (ctx.held(node)) {
          ctx.report(id, node, `${what}${ctx.held(node)}`, false);
          continue;
        }
        if (tracked && weak.module === 'temp') {
          ctx.report(id, node, `${what}: not rewritten, because temp.track() removes temp's directories at exit and Node's fs.mkdtemp would not be tracked. Replace it by hand with fs.mkdtempSync and remove the directory in finally`, false);
          continue;
        }
        rewrite(ctx, call, weak, api, what);
      }
    }
  },
};

function rewrite(ctx: FileContext, call: Path, weak: Weak, api: Weak['api'], what: string): void {
  const node = call.node;
  const args = node.arguments as Node[];
  const { prefix, base: fileName } = affixes(node, weak);
  const q = (s: string) => `${ctx.style.quote}${s}${ctx.style.quote}`;
  const stem = stemOf(prefix) || 'tmp';
  // tempy hands out paths under the real temp directory (symlinks resolved, as on macOS): so does the rewrite.
  const pathJoin = ctx.modules.reference('path', 'join', call);
  const tmpdir = `${ctx.modules.reference('os', 'tmpdir', call)}()`;
  const base = weak.module === 'tempy' ? `${ctx.modules.reference('fs', 'realpathSync', call)}(${tmpdir})` : tmpdir;
  const prefixExpr = `${pathJoin}(${base}, ${q(`${stem}-`)})`;
  const options = '{ flag: \'wx\', mode: 0o600 }'.replace(/'/g, ctx.style.quote);
  let replacement: string;
  if (weak.makes === 'dir') {
    if (api === 'sync') replacement = `${ctx.modules.reference('fs', 'mkdtempSync', call)}(${prefixExpr})`;
    else if (api === 'callback') replacement = `${ctx.modules.reference('fs', 'mkdtemp', call)}(${prefixExpr}, ${ctx.text(args[args.length - 1])})`;
    else replacement = `${ctx.modules.reference('fsPromises', 'mkdtemp', call)}(${prefixExpr})`;
  } else {
    const data = args[0] ? ctx.text(args[0]) : "''";
    const join = ctx.modules.reference('path', 'join', call);
    // New names must not hide one the data expression reads.
    const file = freshName('tmpFile', ctx.names);
    if (api === 'sync') {
      replacement = `((${file}) => (${ctx.modules.reference('fs', 'writeFileSync', call)}(${file}, ${data}, ${options}), ${file}))(${join}(${ctx.modules.reference('fs', 'mkdtempSync', call)}(${prefixExpr}), ${q(fileName)}))`;
    } else {
      const dir = freshName('tmpDir', ctx.names);
      replacement = `${ctx.modules.reference('fsPromises', 'mkdtemp', call)}(${prefixExpr}).then(async (${dir}) => { const ${file} = ${join}(${dir}, ${q(fileName)}); await ${ctx.modules.reference('fsPromises', 'writeFile', call)}(${file}, ${data}, ${options}); return ${file}; })`;
    }
  }
  ctx.edits.replace(node.start, node.end, replacement);
  // A directory bound to a variable and used only here is removed on every path, as missing-tmp-cleanup would.
  let cleaned = '';
  if (weak.makes === 'dir' && api !== 'callback') {
    let holder: Path = call;
    if (holder.parent?.node.type === 'AwaitExpression') holder = holder.parent as Path;
    const declarator = holder.parent?.node;
    const declaration = statementOf(call);
    if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier' && declaration && (api === 'sync' || holder !== call)) {
      const name = declarator.id.name as string;
      const semi = ctx.style.semicolon ? ';' : '';
      const remove = () => api === 'sync'
        ? `${ctx.modules.reference('fs', 'rmSync', call)}(${name}, { recursive: true, force: true })${semi}`
        : `await ${ctx.modules.reference('fsPromises', 'rm', call)}(${name}, { recursive: true, force: true })${semi}`;
      const owner = ownerOf(call);
      const outcome = addFinally(ctx, owner, call, declaration, remove);
      if (outcome.kind === 'added') cleaned = ', removed in finally';
      else if (outcome.kind === 'present') cleaned = ', removed in the finally the code already has';
      else if (outcome.kind === 'escapes') cleaned = `, not removed here: ${outcome.reason}, so the receiver removes it`;
    }
  }
  const made = weak.makes === 'dir' ? 'a private mkdtemp directory (mode 0700)' : 'a file created with { flag: \'wx\', mode: 0o600 } in a private mkdtemp directory';
  ctx.report(id, node, `${what}: replaced by ${made}${cleaned}`, true);
}


// `jscodeshift -t dist/transforms/weak-temp-library.js`: this rule alone.
export default jscodeshiftTransform([weakTempLibrary]);
