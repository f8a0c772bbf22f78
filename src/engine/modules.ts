// Which local names stand for Node's fs, os, path and child_process, in every import and
// require form, and adding what a rewrite needs in the file's own module style.
import { contains, isCall, isFunction, isMember, isRequireName, propertyName, requireSource, unwrap, unwrapPath, type Node, type Path } from './ast';
import { patternIdentifiers, type Scopes } from './scope';
import { lineEnd, lineStart, needsSemicolonBefore, type Edits, type Style } from './text';
import type { Tree } from './tree';
import type { ModuleFacts } from './dataflow/facts';

/** Node's modules the rewrites call, and the packages the analysis knows by name. */
export type CoreModule = 'fs' | 'fsPromises' | 'os' | 'path' | 'childProcess';
/** What a rewrite may call: Node's modules, and the temp packages of the `tmp` target. */
export type CallableModule = CoreModule | 'tmp' | 'tmpPromise';
export type ModuleKind =
  | CoreModule
  | 'tmp'
  | 'tmpPromise'
  | 'temp'
  | 'tempy'
  | 'tempfile'
  | 'uniqueFilename'
  | 'osTmpdir'
  | 'tempDir'
  | 'electron'
  | 'util'
  | 'execa'
  | 'rimraf'
  | 'mkdirp';

const SPECIFIERS: Record<string, ModuleKind> = {
  fs: 'fs',
  'graceful-fs': 'fs',
  'fs-extra': 'fs',
  'fs/promises': 'fsPromises',
  'fs-extra/esm': 'fs',
  os: 'os',
  path: 'path',
  'path/posix': 'path',
  'path/win32': 'path',
  // Drop-in replacements with the same builders (forward slashes on every platform).
  pathe: 'path',
  upath: 'path',
  child_process: 'childProcess',
  util: 'util',
  tmp: 'tmp',
  'tmp-promise': 'tmpPromise',
  temp: 'temp',
  tempy: 'tempy',
  tempfile: 'tempfile',
  'unique-filename': 'uniqueFilename',
  'os-tmpdir': 'osTmpdir',
  'temp-dir': 'tempDir',
  electron: 'electron',
  execa: 'execa',
  rimraf: 'rimraf',
  mkdirp: 'mkdirp',
};

/** The npm packages whose names alone make a file worth parsing (they make up temp names). */
export const TEMP_PACKAGES: readonly string[] = ['tmp', 'tmp-promise', 'temp', 'tempy', 'tempfile', 'unique-filename', 'os-tmpdir', 'temp-dir'];

export function moduleKindOf(specifier: string | undefined): ModuleKind | undefined {
  if (specifier === undefined) return undefined;
  return SPECIFIERS[specifier.replace(/^node:/, '')];
}

interface Binding {
  name: string;
  module: ModuleKind;
  /** Absent for a whole-module binding (`import fs from 'fs'`); the export's name otherwise. */
  member?: string;
  scope: unknown;
  /** From `fs-extra`: its calls return promises when given no callback. */
  extra: boolean;
  /** Node's own module, not a wrapper such as fs-extra or graceful-fs. */
  own?: boolean;
  /** Wrapped by `util.promisify`: returns a promise instead of taking a callback. */
  promised?: boolean;
  /**
   * A top-level `const`/`let`/`var` that comes after other top-level code: a function that code calls
   * may run before the binding is initialised (`ReferenceError` in its temporal dead zone), so new
   * code does not lean on it.
   */
  late?: boolean;
}

export interface MemberRef {
  module: ModuleKind;
  /** The export, dotted for nested objects (`app.getPath`), 'default' for the module called itself. */
  member: string;
  /** Came through fs-extra (`outputFile`, `ensureDir`, …). */
  extra: boolean;
  /** Wrapped by `util.promisify`. */
  promised?: boolean;
}

/**
 * A named import or destructuring the rewrite may add names to: Node's own modules, and graceful-fs,
 * which exports every fs function (a project that imports only from it, as jest's lint asks, keeps
 * doing so). Not fs-extra: `fs-extra/esm` has none of fs's own functions.
 */
function takesSpecifiers(source: string | undefined): boolean {
  return !!source && (!source.includes('-') || source === 'graceful-fs');
}

const BUILTIN_SPECIFIER = /^(node:)?(fs|fs\/promises|os|path|child_process|crypto|util|url|events|stream|http|https|net|assert|buffer|zlib)$/;

export class Modules {
  private bindings = new Map<string, Binding[]>();
  private readonly calleeMemo = new Map<Node, MemberRef | undefined>();
  /** Declarations we may add named specifiers to (`import { a } from 'fs'`, `const { a } = require('fs')`). */
  private namedDecls = new Map<ModuleKind, Node>();
  readonly esm: boolean;
  readonly nodePrefix: boolean;
  private insertAt: number;
  private added: { line: string; builtin: boolean; specifier: string }[] = [];
  /** The file's top-level built-in imports (ESM only), in order: where a new one goes when they are sorted. */
  private builtinImports: { specifier: string; start: number }[] = [];
  private addedNames = new Map<string, string>();
  private extraSpecifiers = new Map<Node, string[]>();
  /** Local names bound to graceful-fs (same API as fs, but not Node's module). */
  private wrapperNames = new Set<string>();

  private readonly program: Node;
  private readonly names: Set<string>;
  private readonly tree: Tree;
  /** Where new built-in imports go: after the file's last top-level import of a built-in module, if any. */
  private builtinInsertAt: number | undefined;

  constructor(
    tree: Tree,
    private readonly scopes: Scopes,
    private readonly style: Style,
    private readonly isTypeScript: boolean,
    private readonly source: string,
    facts: ModuleFacts = {},
  ) {
    this.program = tree.program;
    this.names = tree.names;
    this.tree = tree;
    let lastBuiltin: Node | undefined;
    const fileText = source;
    let esm = false;
    let prefixed = 0;
    let plain = 0;
    let lastTopLevelImport: Node | undefined;
    const countSpecifier = (source: string | undefined) => {
      if (!source || !BUILTIN_SPECIFIER.test(source)) return;
      if (source.startsWith('node:')) prefixed++;
      else plain++;
    };

    for (const decl of tree.imports) {
      esm = true;
      if (decl.type === 'TSImportEqualsDeclaration') {
        // TypeScript's `import fs = require('fs')`.
        const reference = decl.moduleReference as Node;
        const module = reference.type === 'TSExternalModuleReference' ? moduleKindOf(reference.expression.value) : undefined;
        if (module && !decl.isExport) this.add({ name: decl.id.name, module, scope: this.program, extra: !!reference.expression.value?.includes('fs-extra') });
        if (this.program.body.includes(decl)) lastTopLevelImport = decl;
        continue;
      }
      const source = decl.source.value as string;
      countSpecifier(source);
      if (this.program.body.includes(decl)) {
        lastTopLevelImport = decl;
        if (BUILTIN_SPECIFIER.test(source)) {
          lastBuiltin = decl;
          this.builtinImports.push({ specifier: source.replace(/^node:/, ''), start: lineStart(fileText, decl.start) });
        }
      }
      const module = moduleKindOf(source);
      // `import { fs, os } from './core'` where core re-exports Node's modules (the pre-pass says so).
      const local = facts[source];
      if (!module && local && decl.importKind !== 'type') {
        for (const spec of decl.specifiers as Node[]) {
          const exported = spec.type === 'ImportSpecifier' ? ((spec.imported.name ?? spec.imported.value) as string) : 'default';
          const fact = local.exports[exported] ?? (exported === 'default' ? local.exports['module.exports'] : undefined);
          if (fact?.kind === 'module') this.add({ name: spec.local.name, module: fact.module, scope: this.program, extra: false, own: false });
        }
        continue;
      }
      if (!module || decl.importKind === 'type') continue;
      if (source.includes('graceful-fs')) for (const spec of decl.specifiers as Node[]) this.wrapperNames.add(spec.local.name);
      const scope = this.program;
      for (const spec of decl.specifiers as Node[]) {
        const name = spec.local.name as string;
        if (spec.type === 'ImportDefaultSpecifier' || spec.type === 'ImportNamespaceSpecifier') {
          this.add({ name, module, scope, extra: source.includes('fs-extra') });
        } else if (spec.importKind !== 'type') {
          const imported = (spec.imported.name ?? spec.imported.value) as string;
          this.addMember(name, module, imported, scope, source.includes('fs-extra'));
          if (!this.namedDecls.has(module) && takesSpecifiers(source)) this.namedDecls.set(module, decl);
        }
      }
    }
    if (tree.hasExports) esm = true;
    // Top-level code that runs before a later `const fs = require('fs')` may call a rewritten function.
    const prologueEnd = firstCodeStatement(this.program);

    for (const decl of tree.declarators) {
      const init = decl.init ? unwrap(decl.init as Node) : undefined;
      if (!init) continue;
      // `const writeFile = util.promisify(fs.writeFile)`: the promise API under another name.
      if (isCall(init) && decl.id.type === 'Identifier' && (init.arguments as Node[]).length === 1 && /(^|\.)promisify$|^pify$/.test(sourceText(fileText, init.callee))) {
        // `const fsp = pify(fs)`: the whole module, promise-returning.
        const whole = this.namespaceOf(tree.pathOf(init).get('arguments', 0) as Path);
        if (whole?.module === 'fs') {
          const scope = scopes.lookup(tree.pathOf(decl.id), decl.id.name)?.scope;
          this.add({ name: decl.id.name, module: 'fsPromises', scope, extra: false });
          continue;
        }
        const wrapped = this.memberOf(tree.pathOf(init).get('arguments', 0) as Path);
        const scope = scopes.lookup(tree.pathOf(decl.id), decl.id.name)?.scope;
        if (wrapped?.module === 'fs') this.add({ name: decl.id.name, module: 'fsPromises', member: wrapped.member, scope, extra: false });
        // `promisify(execFile)`, `promisify(tmp.tmpName)`: the same function, returning a promise.
        else if (wrapped) this.add({ name: decl.id.name, module: wrapped.module, member: wrapped.member, scope, extra: false, promised: true });
        continue;
      }
      // `const { tmpdir: td } = os`: members taken out of a module bound earlier.
      if (init.type === 'Identifier' && decl.id.type === 'ObjectPattern') {
        const whole = this.namespaceOf(tree.pathOf(init));
        if (whole) {
          for (const prop of decl.id.properties as Node[]) {
            if (prop.type !== 'ObjectProperty' || prop.computed) continue;
            const key = (prop.key.name ?? prop.key.value) as string | undefined;
            const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
            if (typeof key !== 'string' || value.type !== 'Identifier') continue;
            const scope = scopes.lookup(tree.pathOf(value), value.name)?.scope;
            this.addMember(value.name, whole.module, key, scope, whole.extra);
          }
          continue;
        }
      }
      let source = requireSource(init);
      let member: string | undefined;
      // `require('temp').track()` hands back the module itself, tracking on.
      if (!source && isCall(init) && isMember(init.callee) && propertyName(init.callee) === 'track' && requireSource(init.callee.object) === 'temp') source = 'temp';
      if (!source && isMember(init) && requireSource(init.object)) {
        source = requireSource(init.object);
        member = propertyName(init);
      }
      countSpecifier(source);
      const local = source !== undefined && !moduleKindOf(source) ? facts[source] : undefined;
      if (local) {
        // `const { fs } = require('./core')`, `const fs = require('./core').fs`, `const os = require('./os-shim')`.
        const factOf = (name: string) => local.exports[name] ?? (name === 'default' ? local.exports['module.exports'] : undefined);
        if (decl.id.type === 'Identifier') {
          const fact = factOf(member ?? 'default');
          if (fact?.kind === 'module') this.add({ name: decl.id.name, module: fact.module, scope: this.program, extra: false, own: false });
        } else if (decl.id.type === 'ObjectPattern') {
          for (const prop of decl.id.properties as Node[]) {
            if (prop.type !== 'ObjectProperty' || prop.computed || prop.value.type !== 'Identifier') continue;
            const fact = factOf((prop.key.name ?? prop.key.value) as string);
            if (fact?.kind === 'module') this.add({ name: prop.value.name, module: fact.module, scope: this.program, extra: false, own: false });
          }
        }
        continue;
      }
      const module = moduleKindOf(source);
      if (!module) continue;
      const p = tree.pathOf(decl);
      const statement = p.parent?.node as Node | undefined;
      const topLevel = !!statement && this.program.body.includes(statement);
      const firstId = patternIdentifiers(decl.id)[0];
      const scope = topLevel ? this.program : firstId ? scopes.lookup(tree.pathOf(firstId), firstId.name)?.scope : undefined;
      const extra = !!source?.includes('fs-extra');
      if (source?.includes('graceful-fs') && decl.id.type === 'Identifier') this.wrapperNames.add(decl.id.name);
      if (topLevel && statement!.start < prologueEnd) {
        lastTopLevelImport = statement;
        if (source && BUILTIN_SPECIFIER.test(source)) lastBuiltin = statement;
      }
      const late = topLevel && statement!.start > prologueEnd;
      const bindingsBefore = this.bindings.size;
      const countBefore = [...this.bindings.values()].reduce((n, list) => n + list.length, 0);
      void bindingsBefore;
      if (decl.id.type === 'Identifier') {
        if (member) this.addMember(decl.id.name, module, member, scope, extra);
        else this.add({ name: decl.id.name, module, scope, extra });
      } else if (decl.id.type === 'ObjectPattern' && !member) {
        for (const prop of decl.id.properties as Node[]) {
          if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') continue;
          const key = prop.computed ? undefined : (prop.key.name ?? prop.key.value);
          const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
          if (typeof key === 'string' && value.type === 'Identifier') this.addMember(value.name, module, key, scope, extra);
        }
        // Only a top-level destructuring is visible wherever the rewrite may need the new names.
        // Not with `...rest`: a new name taken out of the pattern would change what `rest` holds.
        const hasRest = (decl.id.properties as Node[]).some((prop) => prop.type === 'RestElement');
        if (topLevel && !late && !hasRest && !this.namedDecls.has(module) && takesSpecifiers(source)) this.namedDecls.set(module, decl.id);
      }
      if (late) {
        const all = [...this.bindings.values()].flat();
        for (const binding of all.slice(countBefore)) binding.late = true;
      }
    }

    this.esm = esm;
    this.nodePrefix = prefixed > plain;
    this.insertAt = lastTopLevelImport ? lineEnd(source, lastTopLevelImport.end) : firstStatementStart(this.program);
    if (lastBuiltin) this.builtinInsertAt = lineEnd(source, lastBuiltin.end);
  }

  private add(binding: Binding): void {
    this.calleeMemo.clear();
    if (binding.own === undefined) binding.own = !binding.extra && !this.wrapperNames.has(binding.name);
    const list = this.bindings.get(binding.name) ?? [];
    list.push(binding);
    this.bindings.set(binding.name, list);
  }

  private addMember(name: string, module: ModuleKind, member: string, scope: unknown, extra: boolean): void {
    // `const { promises: fsp } = require('fs')` names the promise API as a whole.
    if (module === 'fs' && member === 'promises') this.add({ name, module: 'fsPromises', scope, extra });
    else if (module === 'path' && (member === 'posix' || member === 'win32')) this.add({ name, module: 'path', scope, extra });
    else this.add({ name, module, member, scope, extra });
  }

  /** The file binds this module somewhere (`require('tmp-promise')`, `import { dir } from 'tmp-promise'`). */
  hasBinding(module: ModuleKind): boolean {
    return [...this.bindings.values()].some((list) => list.some((b) => b.module === module));
  }

  /**
   * Cheap test without scopes: could this callee or value reach a module binding or `require`?
   * (`fs.writeFileSync`, `writeFileSync`, `require('fs').x`, `fs.promises.open`, `os.tmpdir`.)
   */
  mayReferToModule(node: Node): boolean {
    let n = unwrap(node);
    while (isMember(n)) n = unwrap(n.object);
    if (n.type === 'Identifier') return this.bindings.has(n.name);
    return isCall(n) && n.callee.type === 'Identifier' && isRequireName(n.callee.name);
  }

  private bindingFor(path: Path): Binding | undefined {
    const node = path.node;
    if (node.type !== 'Identifier') return undefined;
    const list = this.bindings.get(node.name);
    if (!list) return undefined;
    const declaring = this.scopes.lookup(path, node.name)?.scope;
    return list.find((b) => b.scope === declaring);
  }

  /** The module an expression stands for as a whole: `fs`, `require('fs')`, `fs.promises`, `path.posix`. */
  namespaceOf(original: Path): { module: ModuleKind; extra: boolean } | undefined {
    const path = unwrapPath(original);
    const node = path.node;
    if (node.type === 'Identifier') {
      const binding = this.bindingFor(path);
      return binding && !binding.member ? { module: binding.module, extra: binding.extra } : undefined;
    }
    const source = requireSource(node);
    if (source) {
      const module = moduleKindOf(source);
      return module ? { module, extra: source.includes('fs-extra') } : undefined;
    }
    if (isMember(node)) {
      const inner = this.namespaceOf(path.get('object') as Path);
      const name = propertyName(node);
      if (inner?.module === 'fs' && name === 'promises') return { module: 'fsPromises', extra: false };
      if (inner?.module === 'path' && (name === 'posix' || name === 'win32')) return inner;
    }
    return undefined;
  }

  /** What a callee or value refers to: `fs.writeFileSync`, a destructured `writeFileSync`, `os.tmpdir`. */
  memberOf(original: Path): MemberRef | undefined {
    const path = unwrapPath(original);
    const node = path.node;
    if (node.type === 'Identifier') {
      const binding = this.bindingFor(path);
      return binding?.member ? { module: binding.module, member: binding.member, extra: binding.extra, promised: binding.promised } : undefined;
    }
    if (isMember(node)) {
      const objectPath = path.get('object') as Path;
      const member = propertyName(node);
      if (!member) return undefined;
      const ns = this.namespaceOf(objectPath);
      if (ns) return { module: ns.module, member, extra: ns.extra };
      // `app.getPath` with `const { app } = require('electron')`, `fs.realpathSync.native`.
      const inner = this.memberOf(objectPath);
      if (inner) return { ...inner, member: `${inner.member}.${member}` };
    }
    return undefined;
  }

  /** `promisify(execFile)(…)`, `util.promisify(fs.writeFile)(…)`: the wrapped function, called at once. */
  private promisifiedInline(calleePath: Path): MemberRef | undefined {
    const path = unwrapPath(calleePath);
    const node = path.node;
    if (!isCall(node) || (node.arguments as Node[]).length !== 1 || !/(^|\.)promisify$|^pify$/.test(sourceText(this.source, node.callee))) return undefined;
    const wrapped = this.memberOf(path.get('arguments', 0) as Path);
    if (!wrapped) return undefined;
    return wrapped.module === 'fs' ? { module: 'fsPromises', member: wrapped.member, extra: false } : { ...wrapped, promised: true };
  }

  /** The callee of a call, resolved; a module called as a function (`tempfile()`) is its 'default'. */
  calleeOf(callPath: Path): MemberRef | undefined {
    const node = callPath.node;
    if (!isCall(node)) return undefined;
    // Every rule asks about the same calls: answered once until a binding is added.
    if (this.calleeMemo.has(node)) return this.calleeMemo.get(node);
    const callee = callPath.get('callee') as Path;
    const member = this.memberOf(callee) ?? this.promisifiedInline(callee);
    const ns = member ? undefined : this.namespaceOf(callee);
    const ref = member ?? (ns ? { module: ns.module, member: 'default', extra: ns.extra } : undefined);
    this.calleeMemo.set(node, ref);
    return ref;
  }

  /**
   * Text that calls `module.member` here, adding an import or a named specifier when the file has
   * no binding for it yet. Only top-level bindings are reused, so the name is in scope everywhere.
   */
  reference(module: CallableModule, member: string, at: Path): string {
    const top = this.program;
    // A binding serves where its name means it: a top-level one unless something on the way hides it
    // (a parameter `path`, a loop variable `fs`), a local `require` when declared before the new code.
    // Elsewhere the rewrite gets a fresh top-level name of its own.
    const usable = (b: Binding) => {
      if (b.late) return false;
      const seen = this.scopes.lookup(at, b.name);
      if (b.scope === top) return !seen || seen.scope === top;
      return !!seen && seen.scope === b.scope && seen.id.end <= at.node.start;
    };
    const all = [...this.bindings.values()].flat().filter(usable);
    const wanted = module === 'fsPromises' ? ['fsPromises'] : [module];
    // Node's own module first: a wrapper such as fs-extra also works, but fs is what the rewrite means.
    const namespaces = all.filter((b) => !b.member && wanted.includes(b.module));
    const ns = namespaces.find((b) => b.own) ?? namespaces[0];
    if (ns) return `${ns.name}.${member}`;
    const named = all.find((b) => b.member === member && b.module === module);
    if (named) return named.name;
    if (module === 'fsPromises') {
      // fs-extra has `promises` only from version 8, graceful-fs not at all: use Node's own fs.
      const fsNs = all.find((b) => !b.member && b.module === 'fs' && b.own);
      if (fsNs) return `${fsNs.name}.promises.${member}`;
      if (this.namedDecls.has('fsPromises')) return this.addSpecifier('fsPromises', member);
      return `${this.addNamespace('fs')}.promises.${member}`;
    }
    if (this.namedDecls.has(module)) return this.addSpecifier(module, member);
    return `${this.addNamespace(module)}.${member}`;
  }

  private addSpecifier(module: CallableModule, member: string): string {
    const key = `${module}.${member}`;
    const known = this.addedNames.get(key);
    if (known) return known;
    const decl = this.namedDecls.get(module)!;
    const local = freshName(member, this.names);
    const list = this.extraSpecifiers.get(decl) ?? [];
    if (decl.type === 'ImportDeclaration') list.push(local === member ? member : `${member} as ${local}`);
    else list.push(local === member ? member : `${member}: ${local}`);
    this.extraSpecifiers.set(decl, list);
    this.addedNames.set(key, local);
    this.add({ name: local, module, member, scope: this.program, extra: false });
    return local;
  }

  private addNamespace(module: CallableModule): string {
    const key = `${module}.*`;
    const known = this.addedNames.get(key);
    if (known) return known;
    const base = { fs: 'fs', fsPromises: 'fsPromises', os: 'os', path: 'path', childProcess: 'childProcess', tmp: 'tmp', tmpPromise: 'tmpPromise' }[module];
    const local = this.names.has(base) ? freshName(`${module.startsWith('tmp') ? 'the' : 'node'}${base[0].toUpperCase()}${base.slice(1)}`, this.names) : freshName(base, this.names);
    const packaged = module === 'tmp' || module === 'tmpPromise';
    const specifier = (this.nodePrefix && !packaged ? 'node:' : '') + { fs: 'fs', fsPromises: 'fs/promises', os: 'os', path: 'path', childProcess: 'child_process', tmp: 'tmp', tmpPromise: 'tmp-promise' }[module];
    const q = (s: string) => `${this.style.quote}${s}${this.style.quote}`;
    const semi = this.style.semicolon ? ';' : '';
    const line = this.esm
      ? this.isTypeScript
        ? `import * as ${local} from ${q(specifier)}${semi}`
        : `import ${local} from ${q(specifier)}${semi}`
      : `const ${local} = require(${q(specifier)})${semi}`;
    this.added.push({ line, builtin: !packaged, specifier: specifier.replace(/^node:/, '') });
    this.addedNames.set(key, local);
    this.add({ name: local, module, scope: this.program, extra: false });
    return local;
  }

  /** Writes the imports and specifiers that `reference` asked for, and drops the ones the rewrite left unused. */
  flush(edits: Edits): void {
    this.dropUnused(edits);
    for (const [decl, specifiers] of this.extraSpecifiers) {
      const items = (decl.type === 'ImportDeclaration' ? decl.specifiers : decl.properties) as Node[];
      const last = items[items.length - 1];
      edits.insert(last.end, `, ${specifiers.join(', ')}`);
    }
    if (this.added.length === 0) return;
    // Built-in modules next to the file's other built-in imports (import/order linters want them first).
    const builtins = this.added.filter((a) => a.builtin).map((a) => a.line);
    const packages = this.added.filter((a) => !a.builtin).map((a) => a.line);
    if (this.builtinInsertAt !== undefined) {
      // Built-in imports already in order (an import/order linter with alphabetize): each new one in its place.
      const existing = this.builtinImports;
      const sorted = existing.length > 1 && existing.every((b, i) => i === 0 || existing[i - 1].specifier <= b.specifier);
      const placed = new Set<string>();
      if (sorted) {
        for (const added of this.added.filter((a) => a.builtin)) {
          const next = existing.find((b) => b.specifier > added.specifier);
          if (!next) continue;
          edits.insert(next.start, added.line + this.style.eol);
          placed.add(added.line);
        }
      }
      const rest = builtins.filter((line) => !placed.has(line));
      if (rest.length > 0) this.insertLines(edits, this.builtinInsertAt, rest);
      if (packages.length > 0) this.insertLines(edits, this.insertAt, packages);
    } else this.insertLines(edits, this.insertAt, this.added.map((a) => a.line));
  }

  private insertLines(edits: Edits, after: number, added: string[]): void {
    // After an import that is itself dropped: where it was.
    const at = edits.before(after);
    const eol = this.style.eol;
    const source = edits.source;
    // Without semicolons, a following line that starts with `(` or `[` would continue the last line.
    const lines = !this.style.semicolon && needsSemicolonBefore(source, at) ? added.map((line) => `${line};`) : added;
    const text = lines.map((line) => line + eol).join('');
    // Inserted either at a line start (after the last import) or before the first statement.
    const atLineStart = at === 0 || source[at - 1] === '\n';
    edits.insert(at, atLineStart ? text : eol + text.slice(0, -eol.length));
  }

  /**
   * An import of a built-in module or a temp package whose every use the rewrite took out
   * (`temporaryDirectory` once its call is replaced, `existsSync` once its check is dropped) goes too:
   * a linter would call it unused. One the old code already left unused stays as it was.
   */
  private dropUnused(edits: Edits): void {
    const unusedNow = (local: Node, decl: Node) => {
      const refs = this.tree.identifiersNamed(local.name as string, this.program).filter((n) => !contains(decl, n));
      return refs.length > 0 && refs.every((n) => edits.covers(n.start, n.end)) && !edits.writesName(local.name as string);
    };
    for (const decl of this.tree.imports) {
      if (decl.type !== 'ImportDeclaration' || decl.importKind === 'type' || !this.program.body.includes(decl) || !DROPPABLE.test(decl.source.value as string)) continue;
      const items = decl.specifiers as Node[];
      this.dropItems(edits, decl, decl, items, items.filter((spec) => unusedNow(spec.local, decl)));
    }
    for (const declarator of this.tree.declarators) {
      const statement = this.tree.parentOf(declarator);
      if (!statement || !this.program.body.includes(statement) || (statement.declarations as Node[]).length !== 1 || !declarator.init) continue;
      const source = requireSource(unwrap(declarator.init as Node));
      if (!source || !DROPPABLE.test(source)) continue;
      if (declarator.id.type === 'Identifier') {
        if (unusedNow(declarator.id, statement)) this.dropItems(edits, statement, declarator.id, [declarator.id], [declarator.id]);
      } else if (declarator.id.type === 'ObjectPattern') {
        const items = declarator.id.properties as Node[];
        if (items.some((p) => p.type !== 'ObjectProperty' || p.value.type !== 'Identifier')) continue;
        this.dropItems(edits, statement, declarator.id, items, items.filter((p) => unusedNow(p.value, statement)));
      }
    }
  }

  private dropItems(edits: Edits, statement: Node, holder: Node, items: Node[], gone: Node[]): void {
    if (gone.length === 0) return;
    const extra = this.extraSpecifiers.get(holder);
    if (gone.length === items.length) {
      if (extra) {
        // `const { existsSync } = require('fs')` that now needs `mkdtempSync` instead.
        edits.replace(items[0].start, items[items.length - 1].end, extra.join(', '));
        this.extraSpecifiers.delete(holder);
      } else removeLine(edits, statement);
      return;
    }
    const kept = items.filter((item) => !gone.includes(item));
    const lastKept = kept[kept.length - 1];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!gone.includes(item)) continue;
      // Up to the next item; after the last kept one, from its end (taking the comma before).
      if (item.start < lastKept.start) edits.replace(item.start, items[i + 1].start, '');
    }
    const trailing = items.filter((item) => gone.includes(item) && item.start > lastKept.start);
    if (trailing.length > 0) edits.replace(lastKept.end, trailing[trailing.length - 1].end, '');
  }
}

/** Modules whose loading does nothing but define functions: an import of them can go when unused. */
const DROPPABLE = /^(node:)?(fs|fs\/promises|os|path)$|^(tmp|tmp-promise|temp|tempy|tempfile|fs-extra)$/;

/** Deletes a statement, with its line when it stands alone on it. */
function removeLine(edits: Edits, statement: Node): void {
  const { source } = edits;
  let start = statement.start;
  while (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
  const end = lineEnd(source, statement.end);
  const alone = (start === 0 || source[start - 1] === '\n') && source.slice(statement.end, end).trim() === '';
  if (!alone) {
    // `const a = 1; const os = require('os'); const b = 2;`: the statement and the spaces after it.
    let after = statement.end;
    while (after < end && (source[after] === ' ' || source[after] === '\t')) after++;
    edits.replace(after === end ? start : statement.start, after, '');
    return;
  }
  const skipLine = (at: number) => {
    let next = lineEnd(source, at);
    if (source[next] === '\r') next++;
    if (source[next] === '\n') next++;
    return next;
  };
  let next = skipLine(statement.end);
  // The import was a group of its own between blank lines: one blank line stays, not two.
  const blankBefore = start === 0 || /^[ \t]*\r?$/.test(source.slice(source.lastIndexOf('\n', start - 2) + 1, start - 1));
  if (blankBefore && next < source.length && /^[ \t]*\r?$/.test(source.slice(next, lineEnd(source, next)))) next = skipLine(next);
  edits.replace(start, next, '');
}

/**
 * Where the first top-level statement that runs code starts (a call, an if, a loop): imports, requires
 * and declarations before it are initialised before anything can call a function of the file.
 */
function firstCodeStatement(program: Node): number {
  for (const statement of program.body as Node[]) {
    if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration' || statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') continue;
    if (statement.type.startsWith('TS') || statement.type === 'EmptyStatement') continue;
    if (statement.type === 'VariableDeclaration' && (statement.declarations as Node[]).every((d) => !d.init || simpleInit(d.init, program))) continue;
    if (statement.type === 'ExpressionStatement' && statement.directive) continue;
    return statement.start;
  }
  return Infinity;
}

/** An initialiser that calls nothing of the file: `require('x')`, `promisify(fs.x)`, a literal, a function. */
function simpleInit(node: Node, program: Node): boolean {
  const n = unwrap(node);
  if (isCall(n)) {
    // A call of one of the file's own functions runs the file's code; a call into a module does not.
    const callee = unwrap(n.callee);
    const local = callee.type === 'Identifier' && (program.body as Node[]).some((s) => s.type === 'FunctionDeclaration' && s.id?.name === callee.name);
    return !local && (n.arguments as Node[]).every((a) => !isFunction(a));
  }
  return true;
}

function firstStatementStart(program: Node): number {
  const body = program.body as Node[];
  const directives = (program.directives ?? []) as Node[];
  if (directives.length > 0) return directives[directives.length - 1].end;
  if (body.length === 0) return program.end;
  const first = body[0];
  const comments = (first.leadingComments ?? []) as Node[];
  return comments.length > 0 ? comments[0].start : first.start;
}

export function freshName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}


function sourceText(source: string, node: Node): string {
  return source.slice(node.start, node.end).replace(/\s+/g, '');
}
