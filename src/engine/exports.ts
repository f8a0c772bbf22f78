// What a module hands to the modules that import it, as far as temp files go: the facts the driver's
// pre-pass collects, one module at a time, for the files that import it. Source text in, plain data
// out: the engine reads no file, and other modules reach it only through these facts.
import { isFunction, requireSource, unwrap, type Node, type Path } from './ast';
import type { ExportFact, ModuleFacts } from './dataflow/facts';
import { paths, type Value } from './dataflow/lattice';
import { Values } from './dataflow/values';
import { moduleKindOf, Modules, TEMP_PACKAGES, type CoreModule } from './modules';
import { MENTIONS_TMP_DIR } from './shared-names';
import { parseFile } from './parser';
import { Scopes } from './scope';
import { detectStyle } from './text';
import { Tree } from './tree';

export interface ModuleExports {
  /** By export name (`default`, `module.exports` for a CommonJS whole export). */
  exports: Record<string, ExportFact>;
  /** `export * from './x'` and `export { a } from './x'`: specifiers whose facts pass through. */
  reexports: { specifier: string; names?: Record<string, string> }[];
  /** Local specifiers the module imports (for resolving helpers of helpers). */
  imports: string[];
}

const CORE: readonly CoreModule[] = ['fs', 'fsPromises', 'os', 'path', 'childProcess'];

/**
 * A module whose text has none of these exports no path fact when the modules it imports have none:
 * a source of the shared temp directory (`os.tmpdir`, `/tmp`, `TMPDIR`, `temp-dir`, Electron's
 * `getPath('temp')`) or a temp package imported by name.
 */
const TEMP_SOURCE = new RegExp(`${MENTIONS_TMP_DIR.source}|getPath\\(\\s*\`temp\`|(?:\\brequire\\s*\\(\\s*|\\bimport\\s*\\(\\s*|\\bfrom\\s*)['"\`](?:${TEMP_PACKAGES.join('|')})['"\`]`);
/** One of Node's modules (or a wrapper of fs) imported or required by name. */
const CORE_SPECIFIER = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*)['"`](?:node:)?(?:fs|graceful-fs|fs-extra|fs-extra\/esm|fs\/promises|os|path|path\/posix|path\/win32|child_process)['"`]/;
/** Where an exported expression starts: `module.exports =`, `exports.x =`, `export default`, `export const`, `export {`. */
const EXPORT_STARTS = /\bmodule\s*\.\s*exports\s*(?:\.\s*[\w$]+\s*)?=(?![=>])|(?<![\w$.])exports\s*\.\s*[\w$]+\s*=(?![=>])|\bexport\s+default\b|\bexport\s+(?:const|let|var)\b|\bexport\s*(?:type\s*)?(?=\{)/g;
const NOT_NAMES = new Set(['const', 'let', 'var', 'import', 'from', 'as', 'require', 'type', 'typeof', 'await', 'default', 'export']);

function words(text: string): string[] {
  return text.match(/[A-Za-z_$][\w$]*/g) ?? [];
}

/** Where the statement holding `at` starts: after a `;`, or at a line that starts in column 0 (not a closing bracket). */
function statementStart(source: string, at: number): number {
  const floor = Math.max(0, at - 2000);
  for (let i = at - 1; i >= floor; i--) {
    const c = source[i];
    if (c === ';') return i + 1;
    if (c === '\n' && i + 1 < at && !/[\s})\]]/.test(source[i + 1])) return i + 1;
  }
  return floor;
}

/** The text of the expression that starts at `from`: a balanced `{…}`, else up to a `;` or a line in column 0. */
function expressionAt(source: string, from: number): string {
  let i = from;
  while (i < source.length && /\s/.test(source[i])) i++;
  if (source[i] === '{') {
    let depth = 0;
    for (let j = i; j < source.length; j++) {
      if (source[j] === '{') depth++;
      else if (source[j] === '}' && --depth === 0) return source.slice(i, j + 1);
    }
    return source.slice(i);
  }
  const end = /;|\n(?=\S)/g;
  end.lastIndex = i;
  const found = end.exec(source);
  return source.slice(i, found ? found.index : source.length);
}

/**
 * Whether an exported expression may be one of Node's modules (`module.exports = require('fs')`,
 * `export { fs }`, `module.exports = { fs: fsp }` after `const fsp = pify(fs)`): the names that may
 * hold a module are those of the statements requiring or importing one and their aliases; an export
 * of none of them, and of no such require, is not one. Errs towards yes.
 */
function mayExportCoreModule(source: string): boolean {
  // `export const fs: typeof import('fs-extra') = …` (not a JSDoc type), `export * as fs from 'fs'`.
  if (/\bexport\s+(?:const|let|var)\s+[\w$]+\s*:\s*typeof\s+import\s*\(|\bexport\s*\*\s*as\b/.test(source)) return true;
  const names = new Set<string>();
  for (const match of source.matchAll(new RegExp(CORE_SPECIFIER.source, 'g'))) {
    for (const word of words(source.slice(statementStart(source, match.index), match.index))) names.add(word);
  }
  // `const fsp = pify(fs)`, `promisify(fs)`: the whole module again (the analysis binds no other alias);
  // `x = fs`, `x = fs.promises` are taken too, to err towards yes.
  const aliases = [...source.matchAll(/([\w$]+)\s*=(?![=>])\s*(?:[\w$.]*\b(?:promisify|pify)\s*\(\s*)?([\w$]+)(?:\s*\.\s*(?:promises|posix|win32))?\s*\)?\s*(?:[;,\n]|$)/g)];
  for (let grew = true, round = 0; grew && round < 8; round++) {
    grew = false;
    for (const [, left, right] of aliases) {
      if (names.has(left) || !names.has(right) || NOT_NAMES.has(right)) continue;
      names.add(left);
      grew = true;
    }
  }
  for (const word of NOT_NAMES) names.delete(word);
  for (const match of source.matchAll(EXPORT_STARTS)) {
    const expression = expressionAt(source, match.index + match[0].length);
    if (CORE_SPECIFIER.test(expression) || words(expression).some((word) => names.has(word))) return true;
  }
  return false;
}

/**
 * Whether a module may export a fact, from its text alone, when the modules it imports export none.
 * One that cannot is not parsed: most of a repository's modules are only imported by one that is,
 * and parsing each of them cost more than the rest of the run.
 */
export function mayExportFacts(source: string, facts: ModuleFacts = {}): boolean {
  if (Object.keys(facts).length > 0 || TEMP_SOURCE.test(source)) return true;
  return CORE_SPECIFIER.test(source) && mayExportCoreModule(source);
}

/**
 * The exports of one module that hold or return the shared temp directory or a path in it, or that
 * re-export Node's fs, os or path. `facts` are what is already known of the modules it imports.
 * Never throws: a module that does not parse exports nothing known.
 */
export function describeExports(source: string, filePath: string, facts: ModuleFacts = {}): ModuleExports {
  const result: ModuleExports = { exports: {}, reexports: [], imports: [] };
  let file: Node;
  try {
    file = parseFile(source, filePath) as Node;
  } catch {
    return result;
  }
  const tree = new Tree(file);
  const scopes = new Scopes();
  const style = detectStyle(source, tree.stringRaws, []);
  const modules = new Modules(tree, scopes, style, /\.[cm]?tsx?$/.test(filePath), source, facts);
  const values = new Values(tree, scopes, modules, source, facts);
  const program = tree.program;

  for (const node of tree.imports) {
    const specifier = node.source?.value;
    if (typeof specifier === 'string' && isLocal(specifier)) result.imports.push(specifier);
  }
  for (const node of tree.ofType('CallExpression')) {
    const specifier = requireSource(node);
    if (specifier !== undefined && isLocal(specifier) && !result.imports.includes(specifier)) result.imports.push(specifier);
  }

  const record = (name: string, fact: ExportFact | undefined) => {
    if (fact && !result.exports[name]) result.exports[name] = fact;
  };
  const ofPath = (path: Path): ExportFact | undefined => classify(values, modules, path);

  for (const statement of program.body as Node[]) {
    if (statement.type === 'ExportNamedDeclaration') {
      const from = statement.source?.value as string | undefined;
      if (from !== undefined) {
        const module = moduleKindOf(from);
        const names: Record<string, string> = {};
        for (const spec of statement.specifiers as Node[]) {
          const exported = (spec.exported.name ?? spec.exported.value) as string;
          const local = spec.type === 'ExportNamespaceSpecifier' ? '*' : ((spec.local?.name ?? spec.local?.value) as string);
          // `export * as os from 'os'`, `export { default as path } from 'node:path'`: the module itself.
          if (module && (local === '*' || local === 'default') && CORE.includes(module as CoreModule)) record(exported, { kind: 'module', module: module as CoreModule });
          else names[exported] = local;
        }
        if (!module && isLocal(from)) result.reexports.push({ specifier: from, names });
        continue;
      }
      const declaration = statement.declaration as Node | null;
      if (declaration?.type === 'VariableDeclaration') {
        for (const d of declaration.declarations as Node[]) {
          if (d.id.type !== 'Identifier') continue;
          // `export const fs: typeof import('fs-extra') = wrap(…)`: the declared type says which module it is.
          const typed = typeImportOf(d.id.typeAnnotation?.typeAnnotation);
          if (typed) record(d.id.name, { kind: 'module', module: typed });
          else if (d.init) record(d.id.name, ofPath(tree.pathOf(d.init)));
        }
      } else if (declaration && isFunction(declaration) && declaration.id) {
        record(declaration.id.name, ofFunction(values, tree.pathOf(declaration)));
      }
      for (const spec of statement.specifiers as Node[]) {
        const exported = (spec.exported.name ?? spec.exported.value) as string;
        record(exported, ofPath(tree.pathOf(spec.local)));
      }
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Node;
      record('default', isFunction(declaration) ? ofFunction(values, tree.pathOf(declaration)) : ofPath(tree.pathOf(declaration)));
    } else if (statement.type === 'ExportAllDeclaration') {
      const from = statement.source.value as string;
      const module = moduleKindOf(from);
      if (statement.exported && module && CORE.includes(module as CoreModule)) record((statement.exported.name ?? statement.exported.value) as string, { kind: 'module', module: module as CoreModule });
      else if (!statement.exported && isLocal(from)) result.reexports.push({ specifier: from });
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      // module.exports = …, module.exports.x = …, exports.x = …
      const { left, right } = statement.expression;
      const target = source.slice(left.start, left.end).replace(/\s+/g, '');
      const rightPath = tree.pathOf(statement.expression).get('right') as Path;
      if (target === 'module.exports') {
        const value = unwrap(right);
        if (value.type === 'ObjectExpression') {
          (value.properties as Node[]).forEach((prop, i) => {
            if (prop.computed) return;
            const key = (prop.key?.name ?? prop.key?.value) as string;
            const propPath = tree.pathOf(value).get('properties', i) as Path;
            // `getPath(suffix) { … }`: a method of the exported object.
            if (prop.type === 'ObjectMethod') record(key, ofFunction(values, propPath));
            else if (prop.type === 'ObjectProperty') record(key, ofPath(propPath.get('value') as Path));
          });
        } else record('module.exports', ofPath(rightPath));
      } else {
        const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
        if (named) record(named[1], ofPath(rightPath));
      }
    }
  }
  return result;
}

/** `typeof import('fs-extra')` as a type annotation: the module kind it names, if one of Node's. */
function typeImportOf(type: Node | undefined): CoreModule | undefined {
  if (type?.type !== 'TSTypeQuery' || type.exprName?.type !== 'TSImportType') return undefined;
  const specifier = type.exprName.argument?.value ?? type.exprName.argument?.literal?.value;
  const module = typeof specifier === 'string' ? moduleKindOf(specifier) : undefined;
  return module && CORE.includes(module as CoreModule) ? (module as CoreModule) : undefined;
}

function isLocal(specifier: string): boolean {
  return /^(\.{1,2}(\/|$)|[@~#]\/|\/)/.test(specifier) || !/^(@[^/]+\/)?[a-z0-9][\w.-]*($|\/)/i.test(specifier);
}

/** What an exported expression holds, as a fact another module can use. */
function classify(values: Values, modules: Modules, path: Path): ExportFact | undefined {
  const node = unwrap(path.node);
  // `module.exports = require('fs')`, `export const fs = require('fs-extra')`, a namespace binding.
  const specifier = requireSource(node);
  const namespace = modules.namespaceOf(path);
  if (namespace && CORE.includes(namespace.module as CoreModule)) return { kind: 'module', module: namespace.module as CoreModule };
  if (specifier !== undefined) {
    const module = moduleKindOf(specifier);
    if (module && CORE.includes(module as CoreModule)) return { kind: 'module', module: module as CoreModule };
  }
  const value = values.of(path);
  const fn = value.find((f) => f.kind === 'function');
  if (fn && fn.kind === 'function') return ofFunction(values, fn.fn);
  const instance = value.find((f) => f.kind === 'instance');
  if (instance && instance.kind === 'instance') return ofInstance(values, instance.cls);
  return asPathFact(value);
}

/** An exported instance: each field and method (arrow properties included) that holds or returns a temp path. */
function ofInstance(values: Values, cls: Node): ExportFact | undefined {
  const members: Record<string, ExportFact> = {};
  for (const member of (cls.body?.body ?? []) as Node[]) {
    const name = member.key?.name as string | undefined;
    if (!name || member.computed || member.static) continue;
    const field = values.fieldOf(cls, name);
    const fn = field.find((f) => f.kind === 'function');
    const fact = fn && fn.kind === 'function' ? ofFunction(values, fn.fn) : asPathFact(field);
    if (fact) members[name] = fact;
  }
  return Object.keys(members).length > 0 ? { kind: 'object', members } : undefined;
}

function ofFunction(values: Values, fn: Path): ExportFact | undefined {
  const fact = asPathFact(values.returnsOf(fn));
  if (fact?.kind === 'tmp-root') return { kind: 'returns-tmp-root' };
  if (fact?.kind === 'tmp-path') return { kind: 'returns-tmp-path', key: fact.key };
  return undefined;
}

function asPathFact(value: Value): ExportFact | undefined {
  const facts = paths(value).filter((f) => f.root.kind === 'shared');
  if (facts.length === 0) return undefined;
  if (facts.some((f) => f.key === '')) return { kind: 'tmp-root' };
  return { kind: 'tmp-path', key: facts[0].key };
}

