// Finding texts that name the real danger of each creation.
import { classify, fifoPrivate, mkdirLeaf, type CallRole } from './calls';
import type { PyContext } from './context';
import type { PyFile } from './file';
import { field, named, statementOf, unitOf, unwrap, type PyNode } from './tree';

const GUESSABLE = /getpid|time|datetime|now\(|counter|count|index|\bi\b|\bn\b/i;
const RANDOM = /uuid|random|randint|token|urandom|secrets|choice/i;

export function nameKind(key: string): 'fixed' | 'guessable' | 'random' | 'computed' {
  const parts = [...key.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  if (parts.length === 0) return 'fixed';
  if (parts.some((p) => RANDOM.test(p))) return 'random';
  if (parts.some((p) => GUESSABLE.test(p))) return 'guessable';
  return 'computed';
}

/** "open() creates 'report.csv' in the shared temp directory under a fixed name: ..." */
export function describeCreation(callee: string, key: string, role: CallRole | undefined, call?: PyNode, file?: PyFile): string {
  const kind = nameKind(key);
  const how = kind === 'fixed' ? 'a fixed name' : kind === 'guessable' ? 'a name built from the process id, the time or a counter' : kind === 'random' ? 'a random name' : 'a name built from its inputs';
  if (role?.role === 'create' && role.what === 'socket') {
    return `${callee}() binds the socket '${key}' in the shared temp directory, where another user can create the name first and take its place`;
  }
  if (role?.role === 'create' && role.how === 'mkfifo') {
    // mkfifo() fails on any name that exists, a symlink too, and never follows one: taking the name first only blocks it.
    return `${callee}() makes the FIFO '${key}' in the shared temp directory under ${how}: it fails on any name that exists and never follows a symlink, so nothing can be redirected, but another user who ${kind === 'random' ? 'creates' : 'guesses and creates'} the name first stops it from working (a denial of service)${call && file && !fifoPrivate(call, file) ? '; with no mode that keeps others out it is made 0o666 less the umask (typically 0644), so other users can open it and read what is sent through it, and write to it where the umask lets them' : ''}`;
  }
  if (role?.role === 'create' && role.how === 'dest' && /(^|\.)(symlink|link)$/.test(callee)) {
    // symlink() and link() fail on any name that exists and never follow one either.
    return `${callee}() makes the link '${key}' in the shared temp directory under ${kind === 'fixed' ? 'a fixed name' : 'a name another user can predict'}: it fails on any name that exists and never follows a symlink, but another user who creates the name first (a link of their own to what they choose) makes it fail (and code that ignores the error goes on with their link)`;
  }
  if (role?.role === 'create' && role.how === 'dest' && /(^|\.)(rename|replace|renames)$/.test(callee)) {
    // rename() never follows a symlink at the destination: it replaces the name itself, atomically.
    const taken = kind === 'random' ? '' : `, but a file another user ${kind === 'fixed' ? 'made' : 'guessed and made'} there first cannot be replaced in the sticky temp directory, so the rename fails (EPERM or EACCES: a denial of service)`;
    return `${callee}() puts a file at '${key}' in the shared temp directory under ${how}: it does not follow a symlink there (it replaces the name atomically)${taken}, and the file keeps the mode it had, so other users can read it there unless that mode is owner-only`;
  }
  const leaf = call && file && role?.role === 'create' && (role.how === 'mkdir' || role.how === 'path-mkdir') ? mkdirLeaf(call, file) : undefined;
  if (leaf?.leaf === 'exclusive') {
    // os.mkdir() fails on any name that exists, a symlink too, and never follows one: no redirection.
    const taken = kind === 'random' ? '' : `, but another user who ${kind === 'fixed' ? 'creates' : 'guesses and creates'} the name first makes it fail (a denial of service${ignoresExisting(call!, file!) ? "; the code catches that error and goes on with the directory that is there, which is then theirs" : ''})`;
    const readable = leaf.private ? '' : `; with no mode that keeps others out it is made 0o777 less the umask (typically 0755), so other users can list and read what is put in it`;
    return `${callee}() makes the directory '${key}' in the shared temp directory under ${how}: it fails on any name that exists and never follows a symlink, so nothing can be redirected${taken}${readable}`;
  }
  if (leaf?.leaf === 'adopts') {
    return `${callee}() makes the directory '${key}' in the shared temp directory under ${how} with exist_ok=True, which goes on with a directory (or a symlink to one) that is there already: another user who makes it first owns everything put in it, and can read, replace or redirect it`;
  }
  const isDir = role?.role === 'create' && role.what === 'dir';
  const verb = role?.role === 'create' && role.how === 'dest' ? 'writes' : isDir ? 'makes the directory' : 'creates';
  // open() and the openers that take its mode string (io.FileIO, gzip.open, tarfile.open...) make the file 0666 less the umask.
  const opener = role?.role === 'create' && (role.how === 'open' || role.how === 'path-write' || role.how === 'path-open' || (role.how === 'other' && role.mode !== undefined));
  const exclusive = opener ? 'not exclusively and with mode 0644 (readable by other users)' : 'not exclusively';
  const where = `'${key}' in the shared temp directory`;
  switch (kind) {
    case 'fixed':
      return isDir
        ? `${callee}() ${verb} ${where} under a fixed name: another user can create it (or a symlink there) first, and then owns or redirects everything put in it`
        : `${callee}() ${verb} ${where} under a fixed name, ${exclusive}: another user can create that name first (or a symlink there), and the write follows it into a file they choose`;
    case 'guessable':
      return `${callee}() ${verb} ${where} under a name built from the process id, the time or a counter, ${exclusive}: another user can guess it and plant a symlink there first`;
    case 'random':
      return `${callee}() ${verb} ${where} under a random name, but ${exclusive}: nothing guarantees it is new, and what is written there is exposed`;
    default:
      return `${callee}() ${verb} ${where}, ${exclusive}: another user who guesses the name can create it (or a symlink there) first`;
  }
}

/** `try: os.mkdir(d) except OSError: pass` (or FileExistsError): an existing name is not an error to it. */
export function ignoresExisting(call: PyNode, file: PyFile): boolean {
  for (let n = call.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
    if (n.type === 'try_statement') return named(n).some((c) => c.type === 'except_clause' && /^except\s*(:|\(?\s*(\w+\.)?(OSError|FileExistsError|IOError|EnvironmentError|Exception)\b)/.test(file.text(c)));
    if (n.type === 'except_clause' || n.type === 'finally_clause') break;
  }
  return false;
}

/**
 * The directory around `key` that an exclusive `os.mkdir` (or makedirs/Path.mkdir without exist_ok)
 * made earlier in the same function, in a block that holds this call, when the code does not go on
 * after that mkdir failed: what is created in it is this code's alone.
 */
function ownDirectory(call: PyNode, key: string, calls: PyNode[], ctx: PyContext): { call: PyNode; callee: string; key: string; private: boolean } | undefined {
  for (const maker of calls) {
    if (maker.start >= call.start || unitOf(maker) !== unitOf(call)) continue;
    const role = classify(maker, ctx.file);
    if (role?.role !== 'create' || role.what !== 'dir') continue;
    const leaf = mkdirLeaf(maker, ctx.file);
    const dirKey = ctx.values.of(role.target);
    if (leaf?.leaf !== 'exclusive' || dirKey?.kind !== 'path' || !key.startsWith(`${dirKey.key}/`) || ignoresExisting(maker, ctx.file)) continue;
    const statement = statementOf(maker);
    const block = statement.parent;
    if (block?.type !== 'block' && block?.type !== 'module') continue;
    if (!(block.start <= call.start && call.end <= block.end)) continue;
    return { call: maker, callee: ctx.text(unwrap(field(maker, 'function'))), key: dirKey.key, private: leaf.private };
  }
  return undefined;
}

/** "open() creates 'out/a.csv' inside 'out', which os.mkdir() at line 9 made for this code exclusively: ..." */
export function insideOwnDirectory(callee: string, call: PyNode, key: string, calls: PyNode[], ctx: PyContext): string | undefined {
  const own = ownDirectory(call, key, calls, ctx);
  if (!own) return undefined;
  const role = classify(call, ctx.file);
  return `${callee}() ${role?.role === 'create' && role.what === 'dir' ? 'makes the directory' : 'creates'} '${key}' inside '${own.key}', which ${own.callee}() at line ${own.call.row + 1} made for this code exclusively (it fails on a name that is there and never follows a symlink): no other user can create or plant a name in it, but ${own.private ? 'the directory itself can be taken first (see its finding)' : 'with no owner-only mode on the directory, other users can list it and read what is written there'}`;
}
