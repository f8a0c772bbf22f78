// What the file's names refer to (`tf.mkstemp` is tempfile.mkstemp, `join` may be os.path.join), and
// the imports that new code needs: added only when missing, in the file's own style.
import { field, fields, named, statements, unitOf, walk, type PyNode } from './tree';
import type { PyEdits } from './edits';

interface Binding {
  /** `tempfile`, `os.path`, or `tempfile.mktemp` for `from tempfile import mktemp`. */
  qualified: string;
  statement: PyNode;
  /** The name node that binds it (the alias when there is one). */
  nameNode: PyNode;
  /** The whole `a as b` or dotted name inside a from-import, for removal. */
  item: PyNode;
  fromImport: boolean;
}

/** Modules whose members new code may import by name when the file already does so. */
const FROM_STYLE_MODULES = new Set(['tempfile', 'shutil', 'os.path']);

/** Top-level modules of the standard library (Python 3, and the Python 2 names), for the stdlib import block. */
const STDLIB = new Set([
  'abc', 'aifc', 'argparse', 'array', 'ast', 'asynchat', 'asyncio', 'asyncore', 'atexit', 'audioop', 'base64', 'bdb',
  'binascii', 'bisect', 'builtins', 'bz2', 'cProfile', 'calendar', 'cgi', 'cgitb', 'chunk', 'cmath', 'cmd', 'code',
  'codecs', 'codeop', 'collections', 'colorsys', 'compileall', 'concurrent', 'configparser', 'contextlib',
  'contextvars', 'copy', 'copyreg', 'crypt', 'csv', 'ctypes', 'curses', 'dataclasses', 'datetime', 'dbm', 'decimal',
  'difflib', 'dis', 'distutils', 'doctest', 'email', 'encodings', 'ensurepip', 'enum', 'errno', 'faulthandler',
  'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions', 'ftplib', 'functools', 'gc', 'genericpath', 'getopt',
  'getpass', 'gettext', 'glob', 'graphlib', 'grp', 'gzip', 'hashlib', 'heapq', 'hmac', 'html', 'http', 'imaplib',
  'imghdr', 'imp', 'importlib', 'inspect', 'io', 'ipaddress', 'itertools', 'json', 'keyword', 'lib2to3', 'linecache',
  'locale', 'logging', 'lzma', 'mailbox', 'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder',
  'multiprocessing', 'netrc', 'nis', 'nntplib', 'ntpath', 'numbers', 'opcode', 'operator', 'optparse', 'os',
  'ossaudiodev', 'pathlib', 'pdb', 'pickle', 'pickletools', 'pipes', 'pkgutil', 'platform', 'plistlib', 'poplib',
  'posix', 'posixpath', 'pprint', 'profile', 'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'pyexpat',
  'queue', 'quopri', 'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched', 'secrets',
  'select', 'selectors', 'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtpd', 'smtplib', 'sndhdr', 'socket',
  'socketserver', 'spwd', 'sqlite3', 'sre_compile', 'sre_constants', 'sre_parse', 'ssl', 'stat', 'statistics',
  'string', 'stringprep', 'struct', 'subprocess', 'sunau', 'symtable', 'sys', 'sysconfig', 'syslog', 'tabnanny',
  'tarfile', 'telnetlib', 'tempfile', 'termios', 'textwrap', 'threading', 'time', 'timeit', 'tkinter', 'token',
  'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle', 'types', 'typing', 'unicodedata',
  'unittest', 'urllib', 'uu', 'uuid', 'venv', 'warnings', 'wave', 'weakref', 'webbrowser', 'wsgiref', 'xdrlib', 'xml',
  'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib', 'zoneinfo', 'ConfigParser', 'Queue', 'StringIO', 'cPickle',
  'cStringIO', 'commands', 'httplib', 'urllib2', 'urlparse', 'HTMLParser', 'Cookie', 'cookielib', 'SocketServer',
  'thread', 'exceptions', '__builtin__', 'md5', 'sha', 'sets', 'popen2', 'dummy_thread', 'xmlrpclib', 'robotparser',
  'repr', 'UserDict', 'UserList', 'UserString',
]);

export class Imports {
  /** Bindings per unit (the module, or a function with imports of its own), by local name. */
  private byUnit = new Map<PyNode, Map<string, Binding[]>>();
  private wanted: { module: string; member?: string }[] = [];
  private fromAdditions = new Map<PyNode, string[]>();
  private removals = new Set<Binding>();
  private replacedItems = new Map<Binding, string>();

  constructor(
    private readonly root: PyNode,
    private readonly source: string,
    /** Every identifier written in the file: a new name outside it cannot clash. */
    private readonly names: Set<string>,
    private readonly eol: string,
  ) {
    walk(root, (node) => {
      if (node.type === 'import_statement') this.addImport(node);
      else if (node.type === 'import_from_statement') this.addFromImport(node);
    });
  }

  private text(node: PyNode): string {
    return this.source.slice(node.start, node.end);
  }

  private bind(statement: PyNode, local: string, binding: Omit<Binding, 'statement'>): void {
    const unit = unitOf(statement);
    const map = this.byUnit.get(unit) ?? new Map<string, Binding[]>();
    const list = map.get(local) ?? [];
    list.push({ ...binding, statement });
    map.set(local, list);
    this.byUnit.set(unit, map);
  }

  private addImport(statement: PyNode): void {
    for (const item of fields(statement, 'name')) {
      if (item.type === 'aliased_import') {
        const name = field(item, 'name');
        const alias = field(item, 'alias');
        if (name && alias) this.bind(statement, this.text(alias), { qualified: this.text(name), nameNode: alias, item, fromImport: false });
      } else {
        // `import os.path` binds `os`.
        const first = this.text(item).split('.')[0];
        this.bind(statement, first, { qualified: first, nameNode: item, item, fromImport: false });
      }
    }
  }

  private addFromImport(statement: PyNode): void {
    const moduleNode = field(statement, 'module_name');
    if (!moduleNode || moduleNode.type === 'relative_import') return;
    const module = this.text(moduleNode);
    for (const item of fields(statement, 'name')) {
      if (item.type === 'aliased_import') {
        const name = field(item, 'name');
        const alias = field(item, 'alias');
        if (name && alias) this.bind(statement, this.text(alias), { qualified: `${module}.${this.text(name)}`, nameNode: alias, item, fromImport: true });
      } else {
        this.bind(statement, this.text(item), { qualified: `${module}.${this.text(item)}`, nameNode: item, item, fromImport: true });
      }
    }
  }

  /** What a local name stands for at `at`: the nearest unit's import, else the module's. */
  qualifiedName(local: string, at: PyNode): string | undefined {
    for (let unit: PyNode | undefined = unitOf(at); unit; unit = unit.parent ? unitOf(unit) : undefined) {
      const found = this.byUnit.get(unit)?.get(local);
      if (found?.length) return found[found.length - 1].qualified;
      if (unit.type === 'module') break;
    }
    return undefined;
  }

  /** The dotted callee `tf.mkstemp` resolved through the imports: `tempfile.mkstemp`. */
  resolve(dottedName: string, at: PyNode): string | undefined {
    const [head, ...rest] = dottedName.split('.');
    const qualified = this.qualifiedName(head, at);
    if (!qualified) return undefined;
    return [qualified, ...rest].join('.');
  }

  private moduleBindings(): Map<string, Binding[]> {
    return this.byUnit.get(this.root) ?? new Map();
  }

  /** A plain `import module` (or `import module as alias`) at module level: its local name. */
  private plainImportOf(module: string): string | undefined {
    for (const [local, list] of this.moduleBindings()) {
      if (list.some((b) => !b.fromImport && b.qualified === module)) return local;
    }
    return undefined;
  }

  private fromStatementOf(module: string): PyNode | undefined {
    for (const list of this.moduleBindings().values()) {
      for (const b of list) {
        if (b.fromImport && b.qualified.slice(0, b.qualified.lastIndexOf('.')) === module && b.statement.parent?.type === 'module') return b.statement;
      }
    }
    return undefined;
  }

  /**
   * Text that names `module.member` in new code, recording the import it needs. `os.path.join`
   * becomes `os.path.join`, `join` (the file says `from os.path import join`) or `path.join`.
   */
  ref(module: string, member: string): string {
    // Already imported by name at module level (possibly renamed).
    for (const [local, list] of this.moduleBindings()) {
      if (list.some((b) => b.fromImport && b.qualified === `${module}.${member}` && !this.removals.has(b))) return local;
    }
    const plain = this.plainImportOf(module);
    if (plain) return `${plain}.${member}`;
    if (module === 'os.path') {
      const os = this.plainImportOf('os');
      if (os) return `${os}.path.${member}`;
      for (const [local, list] of this.moduleBindings()) {
        if (list.some((b) => b.fromImport && b.qualified === 'os.path')) return `${local}.${member}`;
      }
    }
    const fromStatement = FROM_STYLE_MODULES.has(module) ? this.fromStatementOf(module) : undefined;
    if (fromStatement && !this.names.has(member)) {
      const added = this.fromAdditions.get(fromStatement) ?? [];
      if (!added.includes(member)) added.push(member);
      this.fromAdditions.set(fromStatement, added);
      return member;
    }
    const top = module.split('.')[0];
    if (!this.wanted.some((w) => w.module === top)) this.wanted.push({ module: top });
    return `${module}.${member}`;
  }

  /** The from-import bindings of `module.member` anywhere in the file (for removal once unused). */
  fromBindings(qualified: string): { local: string; binding: Binding }[] {
    const out: { local: string; binding: Binding }[] = [];
    for (const map of this.byUnit.values()) {
      for (const [local, list] of map) for (const b of list) if (b.fromImport && b.qualified === qualified) out.push({ local, binding: b });
    }
    return out;
  }

  /** Drops a from-import name nothing uses any more (the insecure API it named). */
  remove(binding: Binding): void {
    this.removals.add(binding);
  }

  /** Writes the import changes. */
  flush(edits: PyEdits): void {
    // A from-import whose only name goes away takes the first new name of that module instead.
    for (const [statement, added] of this.fromAdditions) {
      const items = fields(statement, 'name');
      const kept = items.filter((item) => ![...this.removals].some((b) => b.item === item));
      const gone = items.filter((item) => !kept.includes(item));
      let rest = added;
      if (kept.length === 0 && gone.length > 0) {
        edits.replace(gone[0].start, gone[0].end, added[0]);
        for (const b of [...this.removals]) if (b.item === gone[0]) this.removals.delete(b);
        rest = added.slice(1);
      }
      if (rest.length) {
        const last = items[items.length - 1];
        edits.insert(last.end, rest.map((name) => `, ${name}`).join(''));
      }
    }
    for (const binding of this.removals) this.removeItem(binding, edits);
    if (this.wanted.length) this.insertImports(edits);
  }

  private removeItem(binding: Binding, edits: PyEdits): void {
    const statement = binding.statement;
    const items = fields(statement, 'name');
    const survivors = items.filter((item) => item !== binding.item && ![...this.removals].some((b) => b.item === item));
    if (survivors.length === 0) {
      // The whole statement goes, with its line when it has the line to itself.
      const lineStart = this.source.lastIndexOf('\n', statement.start - 1) + 1;
      let lineEnd = this.source.indexOf('\n', statement.end);
      if (lineEnd === -1) lineEnd = this.source.length;
      const before = this.source.slice(lineStart, statement.start);
      const after = this.source.slice(statement.end, lineEnd);
      if (/^[ \t]*$/.test(before) && /^[ \t]*\r?$/.test(after) && statement.parent?.type === 'module') {
        edits.replace(lineStart, Math.min(lineEnd + 1, this.source.length), '');
      } else {
        edits.replace(statement.start, statement.end, 'pass');
      }
      return;
    }
    const index = items.indexOf(binding.item);
    // Remove the item with the comma that separates it from a neighbour.
    if (index < items.length - 1) edits.replace(binding.item.start, items[index + 1].start, '');
    else edits.replace(items[index - 1].end, binding.item.end, '');
  }

  /** New `import x` lines go among the file's leading imports, in order when those are sorted. */
  private insertImports(edits: PyEdits): void {
    const body = statements(this.root);
    let index = 0;
    const leading: PyNode[] = [];
    while (index < body.length) {
      const s = body[index];
      const docstring = index === 0 && s.type === 'expression_statement' && named(s)[0]?.type === 'string';
      // `__author__ = "..."` and the like often come before the imports.
      const dunder = s.type === 'expression_statement' && /^__\w+__\s*=/.test(this.text(s));
      if (docstring || dunder || s.type === 'import_statement' || s.type === 'import_from_statement' || s.type === 'future_import_statement') {
        if (!dunder) leading.push(s);
        index++;
      } else break;
    }
    const modules = [...new Set(this.wanted.map((w) => w.module))].sort();
    const imports = leading.filter((s) => s.type !== 'expression_statement');
    const lineOf = (module: string) => `import ${module}${this.eol}`;
    // New modules are the standard library's: they go in its block (isort's and ruff's first section),
    // never after third-party or first-party imports.
    const stdlib = imports.filter((s) => s.type !== 'future_import_statement' && this.isStdlib(s));
    const plain = stdlib.filter((s) => s.type === 'import_statement' && fields(s, 'name').length === 1 && fields(s, 'name')[0].type === 'dotted_name');
    const plainName = (s: PyNode) => this.text(fields(s, 'name')[0]);
    const sortedPlain = plain.every((s, i) => i === 0 || plainName(plain[i - 1]).toLowerCase() <= plainName(s).toLowerCase());
    const remaining: string[] = [];
    for (const module of modules) {
      const before = sortedPlain ? plain.find((s) => plainName(s).toLowerCase() > module.toLowerCase()) : undefined;
      if (before) edits.insert(this.lineStart(before.start), lineOf(module));
      else remaining.push(module);
    }
    if (!remaining.length) return;
    // After the last plain stdlib import; with only `from x import y` ones, straight imports go first.
    if (plain.length) {
      edits.insert(this.lineEnd(plain[plain.length - 1].end), remaining.map((m) => `${this.eol}import ${m}`).join(''));
      return;
    }
    if (stdlib.length) {
      edits.insert(this.lineStart(stdlib[0].start), remaining.map(lineOf).join(''));
      return;
    }
    // No stdlib block: one of their own, before the other imports (after __future__ ones).
    const others = imports.filter((s) => s.type !== 'future_import_statement');
    if (others.length) {
      edits.insert(this.lineStart(others[0].start), `${remaining.map(lineOf).join('')}${this.eol}`);
      return;
    }
    const anchor = imports[imports.length - 1];
    if (anchor) {
      edits.insert(this.lineEnd(anchor.end), remaining.map((m) => `${this.eol}import ${m}`).join(''));
      return;
    }
    const docstring = leading[0];
    if (docstring) {
      edits.insert(this.lineEnd(docstring.end), `${this.eol}${this.eol}${remaining.map((m) => `import ${m}`).join(this.eol)}`);
      return;
    }
    // No imports and no docstring: after the shebang and coding comments at the top.
    let at = 0;
    while (at < this.source.length && this.source[at] === '#') {
      const next = this.source.indexOf('\n', at);
      if (next === -1) {
        at = this.source.length;
        break;
      }
      at = next + 1;
    }
    const block = remaining.map(lineOf).join('');
    const first = body[0];
    const separate = first && this.source.slice(at, first.start).trim() === '' ? this.eol : '';
    if (at === this.source.length && at > 0 && !this.source.endsWith('\n')) edits.insert(at, `${this.eol}${block}`);
    else edits.insert(at, block + separate);
  }

  /** An import of a standard-library module (`import os.path`, `from typing import X`); not a relative one. */
  private isStdlib(statement: PyNode): boolean {
    const modules = statement.type === 'import_from_statement' ? [field(statement, 'module_name')] : fields(statement, 'name').map((n) => (n.type === 'aliased_import' ? field(n, 'name') : n));
    return modules.length > 0 && modules.every((m) => !!m && m.type !== 'relative_import' && STDLIB.has(this.text(m).split('.')[0]));
  }

  private lineStart(pos: number): number {
    return this.source.lastIndexOf('\n', pos - 1) + 1;
  }

  /** The end of the line holding `pos`, before its line break. */
  private lineEnd(pos: number): number {
    let end = this.source.indexOf('\n', pos);
    if (end === -1) return this.source.length;
    if (this.source[end - 1] === '\r') end--;
    return end;
  }
}
