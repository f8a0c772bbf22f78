// What a call does with a path: creates it (and how, so the creation can be made exclusive and
// owner-only), checks it, removes it, reads it, hands it to another program, or only looks at it.
// Tables, not branches: a newcomer adds a writer or a consumer as one line.
import type { PyFile } from './file';
import { argsOf, argument, field, named, stringValue, unwrap, type Args, type PyNode } from './tree';

export type CreateHow =
  | 'open' // open(p, "w") and io.open: a mode string
  | 'os.open' // os.open(p, flags, mode)
  | 'path-write' // Path.write_text / write_bytes
  | 'path-open' // Path.open("w")
  | 'path-touch'
  | 'mkdir' // os.mkdir / os.makedirs (mode is the second parameter)
  | 'path-mkdir'
  | 'mkfifo'
  | 'dest' // copy, move, rename, link destinations
  | 'other'; // library writers (savefig, to_csv, ...): the file is theirs to make

export type CallRole =
  | { role: 'create'; what: 'file' | 'dir' | 'socket'; target: PyNode; how: CreateHow; append?: boolean; mode?: PyNode }
  | { role: 'check'; target: PyNode }
  | { role: 'remove'; target: PyNode; tree: boolean; command?: PyNode }
  | { role: 'read'; target: PyNode }
  | { role: 'handoff'; background: boolean; args: PyNode }
  | { role: 'consumer' }
  | { role: 'cleanup-later' };

/** Opening functions that take (path, mode, ...): their mode says whether they create. */
const OPENERS = new Set(['builtins.open', 'io.open', 'io.FileIO', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'tarfile.open', 'wave.open', 'shelve.open', 'dbm.open']);
const CHECKS = new Set(['os.path.exists', 'os.path.isfile', 'os.path.isdir', 'os.path.lexists', 'os.path.islink', 'os.access', 'os.stat', 'os.lstat']);
const REMOVALS: Record<string, boolean> = { 'os.remove': false, 'os.unlink': false, 'os.rmdir': false, 'shutil.rmtree': true, 'os.removedirs': false };
/** Calls whose destination (by position, keyword) is created. */
const DESTINATIONS: Record<string, [number, string]> = {
  'shutil.copy': [1, 'dst'], 'shutil.copy2': [1, 'dst'], 'shutil.copyfile': [1, 'dst'], 'shutil.copytree': [1, 'dst'], 'shutil.move': [1, 'dst'],
  'os.rename': [1, 'dst'], 'os.replace': [1, 'dst'], 'os.symlink': [1, 'dst'], 'os.link': [1, 'dst'], 'os.renames': [1, 'new'],
  'urllib.request.urlretrieve': [1, 'filename'], 'urllib.urlretrieve': [1, 'filename'],
  'cProfile.run': [1, 'filename'], 'profile.run': [1, 'filename'], 'cProfile.runctx': [3, 'filename'], 'profile.runctx': [3, 'filename'],
};
/** Library writers by method or function name: the position of the path they write. */
const WRITERS: Record<string, number> = {
  savefig: 0, to_csv: 0, to_excel: 0, to_parquet: 0, to_json: 0, to_pickle: 0, to_feather: 0, to_hdf: 0, to_html: 0, to_file: 0,
  imwrite: 0, imsave: 0, savetxt: 0, savez: 0, savez_compressed: 0, write_html: 0, write_image: 0, export: 0, save_as: 0, saveas: 0,
};
const SUBPROCESS_SYNC = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'os.system', 'os.popen', 'commands.getoutput', 'commands.getstatusoutput']);
const SUBPROCESS_BACKGROUND = new Set(['subprocess.Popen', 'os.spawnl', 'os.spawnlp', 'os.spawnv', 'os.spawnvp', 'os.startfile', 'webbrowser.open', 'webbrowser.open_new', 'webbrowser.open_new_tab', 'multiprocessing.Process', 'threading.Thread', 'threading.Timer']);
/** Known functions that use a path and keep nothing of it. */
const CONSUMER_PREFIXES = ['os.path.', 'shutil.', 'json.', 'pickle.', 'yaml.', 'csv.', 'zipfile.', 'tarfile.', 'filecmp.', 'hashlib.', 'logging.', 'glob.', 'fnmatch.', 'sqlite3.', 'configparser.', 'pstats.', 'mimetypes.', 'imghdr.', 'pathlib.', 'numpy.', 'np.', 'pandas.', 'pd.'];
const CONSUMERS = new Set([
  'builtins.print', 'builtins.len', 'builtins.str', 'builtins.repr', 'builtins.bool', 'builtins.format', 'builtins.sorted', 'builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.isinstance', 'builtins.hash', 'builtins.hasattr', 'builtins.getattr', 'builtins.callable', 'builtins.type', 'builtins.bytes',
  'os.stat', 'os.lstat', 'os.chmod', 'os.chown', 'os.utime', 'os.listdir', 'os.scandir', 'os.walk', 'os.access', 'os.fspath', 'os.fsencode', 'os.fsdecode', 'os.chdir', 'os.truncate',
  'os.remove', 'os.unlink', 'os.rmdir', 'os.removedirs', 'os.mkdir', 'os.makedirs', 'os.mkfifo', 'os.rename', 'os.replace', 'os.symlink', 'os.link', 'os.readlink', 'os.open', 'os.path.getsize',
  'subprocess.list2cmdline', 'shlex.quote', 'shlex.join', 'shlex.split', 'urllib.request.urlretrieve', 'urllib.urlretrieve', 'builtins.open', 'io.open', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open', 'wave.open',
]);
const LOG_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'fatal']);
/** Methods that only read their argument, on any object: string work, file reads, test assertions. */
const CONSUMER_METHODS = new Set(['startswith', 'endswith', 'append', 'write', 'writelines', 'add', 'read_text', 'read_bytes', 'exists', 'is_file', 'is_dir', 'stat', 'unlink', 'rmdir', 'load', 'loads', 'read_csv', 'read_excel', 'read_json', 'read_parquet', 'read_pickle', 'imread', 'loadtxt', 'communicate']);

export function isLogCall(call: PyNode, file: PyFile): boolean {
  const m = file.method(call);
  if (!m || !LOG_METHODS.has(m.name)) return false;
  return /(^|\.)(_?log|_?logger|logging|LOG|LOGGER|log_\w*|\w*_log|\w*_logger)$/i.test(file.text(m.object));
}

/**
 * `self.info("Uploading %r to %r" % (name, remote))`, `log.success(f"saved {path}")`: a sentence built
 * from the path (its text has a space), handed to a method named like a log level. A path built by
 * formatting (`"%s/out.txt" % d`) has no space, and is still a path.
 */
export function isMessageToLogger(call: PyNode, carrier: PyNode, file: PyFile): boolean {
  const m = file.method(call);
  if (!m || !(LOG_METHODS.has(m.name) || MESSAGE_METHODS.has(m.name))) return false;
  const literal = carrier.type === 'binary_operator' && carrier.children[1] && file.text(carrier.children[1]) === '%' ? carrier.children[0] : carrier.type === 'string' ? carrier : undefined;
  if (!literal || literal.type !== 'string') return false;
  const parts = literal.children.filter((c) => c.type === 'string_content').map((c) => file.text(c));
  return parts.some((part) => part.includes(' '));
}
const MESSAGE_METHODS = new Set(['success', 'failure', 'status', 'notice', 'echo', 'say', 'indented']);

function writeMode(mode: PyNode | undefined, file: PyFile): { creates: boolean; append: boolean } | undefined {
  if (!mode) return { creates: false, append: false };
  const value = stringValue(mode, file.source);
  if (value === undefined) return undefined;
  return { creates: /[wax]/.test(value), append: value.includes('a') };
}

/** Whether os.open flags include O_CREAT. */
function createsFlags(flags: PyNode | undefined, file: PyFile): boolean {
  return !!flags && /\bO_CREAT\b/.test(file.text(flags));
}

export function classify(call: PyNode, file: PyFile): CallRole | undefined {
  const callee = field(call, 'function');
  const q = file.qualified(callee);
  const args = argsOf(call, file.source);
  const first = args.positional[0];
  if (q) {
    if (OPENERS.has(q)) {
      const target = argument(args, 0, q === 'tarfile.open' ? 'name' : 'file');
      if (!target) return { role: 'consumer' };
      const modeNode = argument(args, 1, 'mode');
      const mode = writeMode(modeNode, file);
      if (!mode) return { role: 'create', what: 'file', target, how: 'other', mode: modeNode };
      if (mode.creates) return { role: 'create', what: 'file', target, how: q === 'builtins.open' || q === 'io.open' ? 'open' : 'other', append: mode.append, mode: modeNode };
      return { role: 'read', target };
    }
    if (q === 'os.open') {
      const flags = argument(args, 1, 'flags');
      if (first && createsFlags(flags, file)) return { role: 'create', what: 'file', target: first, how: 'os.open', append: /\bO_APPEND\b/.test(file.text(flags)) };
      return first ? { role: 'read', target: first } : { role: 'consumer' };
    }
    if (q === 'os.mkdir' || q === 'os.makedirs') {
      const target = argument(args, 0, q === 'os.mkdir' ? 'path' : 'name');
      return target ? { role: 'create', what: 'dir', target, how: 'mkdir' } : { role: 'consumer' };
    }
    if (q === 'os.mkfifo' || q === 'os.mknod') {
      const target = argument(args, 0, 'path');
      return target ? { role: 'create', what: 'file', target, how: 'mkfifo' } : { role: 'consumer' };
    }
    if (q in DESTINATIONS) {
      const [index, keyword] = DESTINATIONS[q];
      const target = argument(args, index, keyword);
      return target ? { role: 'create', what: q === 'shutil.copytree' ? 'dir' : 'file', target, how: 'dest' } : { role: 'consumer' };
    }
    if (CHECKS.has(q)) return first ? { role: 'check', target: first } : { role: 'consumer' };
    if (q in REMOVALS) return first ? { role: 'remove', target: first, tree: REMOVALS[q] } : { role: 'consumer' };
    if (SUBPROCESS_SYNC.has(q)) {
      const removed = recursiveRm(q, args, file);
      if (removed) return { role: 'remove', target: removed.operand, tree: true, command: removed.command };
      return { role: 'handoff', background: false, args: call };
    }
    if (SUBPROCESS_BACKGROUND.has(q)) return { role: 'handoff', background: true, args: call };
    if (q === 'atexit.register') return { role: 'cleanup-later' };
    if (CONSUMERS.has(q) || CONSUMER_PREFIXES.some((p) => q.startsWith(p))) return { role: 'consumer' };
  }
  const method = file.method(call);
  if (method && ownMethod(method.object, method.name, file)) return undefined;
  if (method) {
    const name = method.name;
    // pathlib methods on the object that is the path.
    if (name === 'write_text' || name === 'write_bytes') return { role: 'create', what: 'file', target: method.object, how: 'path-write' };
    if (name === 'touch') return { role: 'create', what: 'file', target: method.object, how: 'path-touch' };
    if (name === 'mkdir' && args.positional.length <= 3) return { role: 'create', what: 'dir', target: method.object, how: 'path-mkdir' };
    if (name === 'open' && !q) {
      const mode = writeMode(argument(args, 0, 'mode'), file);
      if (mode?.creates) return { role: 'create', what: 'file', target: method.object, how: 'path-open', append: mode.append, mode: argument(args, 0, 'mode') };
      if (mode) return { role: 'read', target: method.object };
    }
    if (name === 'unlink' || name === 'rmdir') return { role: 'remove', target: method.object, tree: false };
    if (name === 'exists' || name === 'is_file' || name === 'is_dir') return { role: 'check', target: method.object };
    if (name === 'read_text' || name === 'read_bytes') return { role: 'read', target: method.object };
    if (name === 'bind' || name === 'listen' || name === 'connect') {
      return first ? { role: 'create', what: 'socket', target: first, how: 'other' } : { role: 'consumer' };
    }
    if (name === 'addCleanup' || name === 'addfinalizer' || name === 'callback' || name === 'push') return { role: 'cleanup-later' };
    if (name in WRITERS) {
      const target = name === 'save' ? undefined : args.positional[WRITERS[name]];
      if (target) return { role: 'create', what: 'file', target, how: 'other' };
    }
    if (name === 'save') {
      // np.save(p, a), img.save(p), torch.save(obj, p): the path is the one that is not the object saved.
      const target = /^(torch|joblib)$/.test(file.text(method.object)) ? args.positional[1] : args.positional[0];
      if (target) return { role: 'create', what: 'file', target, how: 'other' };
    }
    if (name === 'dump' && /^(joblib)$/.test(file.text(method.object)) && args.positional[1]) return { role: 'create', what: 'file', target: args.positional[1], how: 'other' };
    if (name === 'extractall') {
      const target = argument(args, 0, 'path');
      if (target) return { role: 'create', what: 'dir', target, how: 'other' };
    }
    if (name === 'download_file' && args.positional[2]) return { role: 'create', what: 'file', target: args.positional[2], how: 'other' };
    if (name === 'wait') return { role: 'consumer' };
    if (isLogCall(call, file) || CONSUMER_METHODS.has(name) || /^assert/.test(name)) return { role: 'consumer' };
  }
  return undefined;
}

/** A mode argument that keeps other users out, or one tmpfix cannot read as a number (given on purpose); none at all does not. */
function ownerOnlyMode(mode: PyNode | undefined, file: PyFile): boolean {
  if (!mode) return false;
  const text = file.text(unwrap(mode));
  return !/^(0o?)?[0-7]+$/.test(text) || (parseInt(text.replace(/^0o?/, '') || '0', 8) & 0o077) === 0;
}

/** `os.mkfifo(path, 0o600)`: a mode that keeps other users out. Without one it is 0o666 less the umask. */
export function fifoPrivate(call: PyNode, file: PyFile): boolean {
  return ownerOnlyMode(argument(argsOf(call, file.source), 1, 'mode'), file);
}

/**
 * How `os.mkdir`, `os.makedirs` and `Path.mkdir` treat the name they make: `exclusive` fails on
 * anything there (a symlink too) and never follows it; `adopts` (exist_ok=True) goes on with a
 * directory, or a symlink to one, that is there already. `private` when the mode given keeps other
 * users out (no mode: 0o777 less the umask, typically 0755).
 */
export function mkdirLeaf(call: PyNode, file: PyFile): { leaf: 'exclusive' | 'adopts'; private: boolean } | undefined {
  const q = file.qualified(field(call, 'function'));
  const method = q ? undefined : file.method(call);
  if (q !== 'os.mkdir' && q !== 'os.makedirs' && method?.name !== 'mkdir') return undefined;
  const args = argsOf(call, file.source);
  const existOk = q === 'os.mkdir' ? undefined : argument(args, 2, 'exist_ok');
  const adopts = !!existOk && !/^(False|0|None)$/.test(file.text(unwrap(existOk)));
  return { leaf: adopts ? 'adopts' : 'exclusive', private: ownerOnlyMode(argument(args, method ? 0 : 1, 'mode'), file) };
}

/** Runners that take a shell command string; subprocess's take one only with shell=True. */
const SHELL_STRING = new Set(['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput', 'commands.getstatusoutput']);
const RM_FLAGS = /^-[rRf]*[rR][rRf]*$/;

/**
 * `subprocess.call(['rm', '-rf', d])`, `os.system('rm -rf ' + d)`, `check_call('rm -rf %s' % d,
 * shell=True)`: a synchronous `rm -r` of one path is a removal of that tree, as shutil.rmtree is.
 * Only the whole operand: `rm -rf %s/*` empties the directory and is not one.
 */
function recursiveRm(q: string, args: Args, file: PyFile): { operand: PyNode; command: PyNode } | undefined {
  const command = unwrap(argument(args, 0, q.startsWith('subprocess.') && !SHELL_STRING.has(q) ? 'args' : 'cmd') ?? args.keywords.get('command'));
  if (!command || args.splat) return undefined;
  const rmWords = (words: string[]): boolean => /^(\/usr)?(\/bin\/)?rm$/.test(words[0] ?? '') && words.length > 1 && words.slice(1).every((w) => RM_FLAGS.test(w) || w === '-f' || w === '--') && words.slice(1).some((w) => RM_FLAGS.test(w));
  if (command.type === 'list' || command.type === 'tuple') {
    if (SHELL_STRING.has(q) || isTrue(args.keywords.get('shell'), file)) return undefined;
    const items = named(command);
    const words = items.slice(0, -1).map((item) => stringValue(item, file.source));
    const operand = items[items.length - 1];
    if (!operand || words.some((w) => w === undefined) || stringValue(operand, file.source) !== undefined) return undefined;
    return rmWords(words as string[]) ? { operand, command } : undefined;
  }
  if (!SHELL_STRING.has(q) && !isTrue(args.keywords.get('shell'), file)) return undefined;
  // The text before the single operand ('rm -rf ', 'rm -rf "'), and what may follow it (a closing quote).
  const shellRm = (before: string, after: string): boolean => {
    const open = /["']$/.exec(before)?.[0] ?? '';
    return (after === open || (after === '' && open === '')) && rmWords(before.slice(0, before.length - open.length).trim().split(/\s+/)) && /\s$/.test(before.slice(0, before.length - open.length));
  };
  const parts = command.type === 'binary_operator' ? command.children : [];
  const op = parts[1] && file.text(parts[1]);
  if (op === '+' && parts[0] && parts[2]) {
    // 'rm -rf ' + d, 'rm -rf "' + d + '"'
    const left = unwrap(parts[0])!;
    if (left.type === 'binary_operator' && file.text(left.children[1]) === '+' && stringValue(left.children[0], file.source) !== undefined && stringValue(left.children[2], file.source) === undefined) {
      const after = stringValue(parts[2], file.source);
      return after !== undefined && shellRm(stringValue(left.children[0], file.source)!, after) ? { operand: left.children[2], command } : undefined;
    }
    const before = stringValue(left, file.source);
    return before !== undefined && stringValue(parts[2], file.source) === undefined && shellRm(before, '') ? { operand: parts[2], command } : undefined;
  }
  // 'rm -rf %s' % d, 'rm -rf {}'.format(d), f'rm -rf {d}': one placeholder, at the end.
  const placeholder = (template: string, marker: RegExp, operand: PyNode | undefined): { operand: PyNode; command: PyNode } | undefined => {
    const m = marker.exec(template);
    if (!m || !operand || marker.exec(template.slice(m.index + m[0].length))) return undefined;
    return shellRm(template.slice(0, m.index), template.slice(m.index + m[0].length)) ? { operand, command } : undefined;
  };
  if (op === '%' && parts[0] && parts[2]) {
    const template = stringValue(parts[0], file.source);
    const right = unwrap(parts[2])!;
    const operand = right.type === 'tuple' || right.type === 'parenthesized_expression' ? (named(right).length === 1 ? named(right)[0] : undefined) : right;
    return template === undefined ? undefined : placeholder(template, /%[sr]/, operand);
  }
  if (command.type === 'call') {
    const method = file.method(command);
    const template = method?.name === 'format' ? stringValue(method.object, file.source) : undefined;
    const formatArgs = argsOf(command, file.source);
    if (template === undefined || formatArgs.positional.length !== 1 || formatArgs.keywords.size) return undefined;
    return placeholder(template, /\{0?\}/, formatArgs.positional[0]);
  }
  if (command.type === 'string') {
    const pieces = command.children.filter((c) => c.type === 'interpolation');
    if (pieces.length !== 1) return undefined;
    const start = command.children.find((c) => c.type === 'string_start');
    const end = command.children.find((c) => c.type === 'string_end');
    if (!start || !end) return undefined;
    const before = file.source.slice(start.end, pieces[0].start);
    const after = file.source.slice(pieces[0].end, end.start);
    const expression = named(pieces[0])[0];
    return expression && /^[rR]?[fF]/.test(file.text(start)) && !/[{}\\]/.test(before + after) && shellRm(before, after) ? { operand: expression, command } : undefined;
  }
  return undefined;
}

function isTrue(node: PyNode | undefined, file: PyFile): boolean {
  return !!node && file.text(unwrap(node)) === 'True';
}

export function keywordOf(args: Args, node: PyNode): string | undefined {
  for (const [name, value] of args.keywords) if (value === node) return name;
  return undefined;
}

export function calleeName(call: PyNode, file: PyFile): string {
  return file.text(unwrap(field(call, 'function')));
}

/**
 * Whether `object.name(...)` calls a method that a class of this file defines itself, on an instance
 * of it (`MockTarget(p).touch()`, `t = MockTarget(p); t.touch()`, `self.touch()` in that class): the
 * class's own code, not pathlib's, so its name says nothing about the disk.
 */
function ownMethod(object: PyNode, name: string, file: PyFile, depth = 0): boolean {
  const o = unwrap(object);
  if (!o || depth > 2) return false;
  let cls: PyNode | undefined;
  if (o.type === 'identifier' && file.text(o) === 'self') {
    for (let n = o.parent; n; n = n.parent) {
      if (n.type === 'class_definition') {
        cls = n;
        break;
      }
    }
  } else if (o.type === 'call') {
    const callee = unwrap(field(o, 'function'));
    if (callee?.type !== 'identifier') return false;
    const defs = file.scopes.assignmentsOf(file.text(callee), callee);
    if (defs.length === 1 && defs[0].kind === 'def' && defs[0].value?.type === 'class_definition') cls = defs[0].value;
  } else if (o.type === 'identifier') {
    const assignments = file.scopes.assignmentsOf(file.text(o), o);
    return assignments.length === 1 && assignments[0].kind === 'assign' && !!assignments[0].value && ownMethod(assignments[0].value, name, file, depth + 1);
  }
  const body = cls && field(cls, 'body');
  return !!body && body.children.some((c) => {
    const def = c.type === 'decorated_definition' ? field(c, 'definition') : c;
    return def?.type === 'function_definition' && file.text(field(def, 'name')) === name;
  });
}
