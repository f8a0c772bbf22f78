// Pattern 14: names that are shared on purpose. Making them private would break the program.
const SHARED = /(^|[^a-z])(lock|lockfile|pid|pidfile|sock|socket|cache|caches|ipc)([^a-z]|$)|\.(lock|pid|sock|socket)$/i;
/** Dependency lockfiles of package managers: project files that say "lock", copied into test directories. */
const LOCKFILES = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|Gemfile\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|deno\.lock|flake\.lock|uv\.lock)$/g;
/** A name keyed by a content hash, a version, a user id or a digest: later runs find it again (a cache). */
const KEYED = /hash|digest|\bsha\d*|md5|checksum|integrity|etag|version|\bver\b|\buid\b|getuid|userInfo/i;

/** `name` is a temp path key: literal text, with expressions written as `${source}` (left out here). */
export function looksShared(name: string): boolean {
  // A package manager's lockfile (`package-lock.json`, `yarn.lock`) is a project's file, not a lock.
  const literal = name.replace(/\$\{[^}]*\}/g, ' ').replace(LOCKFILES, ' ');
  return SHARED.test(literal) || keyedPiece(name) !== undefined;
}

/** Only the key's piece says cache (`${hash}`), no word of it (lock, pid, socket, cache). */
export function keyedOnly(name: string): boolean {
  const literal = name.replace(/\$\{[^}]*\}/g, ' ').replace(LOCKFILES, ' ');
  return !SHARED.test(literal) && keyedPiece(name) !== undefined;
}

/** The `${…}` piece of a key that makes it a cache key (`${hash}`, `${version}`), if any. */
function keyedPiece(name: string): string | undefined {
  // `${random(randHash)}`: a random piece, whatever its variable is called, is no cache key.
  return (name.match(/\$\{[^}]*\}/g) ?? []).find((piece) => KEYED.test(piece) && !piece.startsWith('${random('));
}

const ADVICE =
  'so a private directory would break it; not rewritten. Move it to a per-user directory with mode 0700 (for example under os.homedir() or $XDG_RUNTIME_DIR), and create it with the \'wx\' flag where it must be unique';

/** Why a shared-looking name is left alone, and what to do instead. */
export function sharedAdvice(name: string): string {
  const keyed = SHARED.test(name.replace(/\$\{[^}]*\}/g, ' ')) ? undefined : keyedPiece(name);
  if (keyed) return `the name is keyed by ${keyed}, the shape of a cache that later runs (and other users' programs) find again, ${ADVICE}`;
  return `a lock, pid file, socket or cache is meant to be found by other processes or later runs, ${ADVICE}`;
}

/** Kept for the rules that state the advice without a name at hand. */
export const SHARED_ADVICE = `a lock, pid file, socket or cache is meant to be found by other processes or later runs, ${ADVICE}`;

/**
 * Every rule needs the shared temp directory named in the text: `tmpdir` (os.tmpdir in any form),
 * `/tmp`, `/var/tmp`, `/dev/shm`, or the TMPDIR, TMP and TEMP variables. Words such as TEMPLATE do not count.
 */
export const MENTIONS_TMP_DIR = /tmpdir|\/(?:tmp|dev\/shm)\b|\b(?:TMPDIR|TMP|TEMP)\b|getPath\(\s*['"]temp['"]|['"]temp-dir['"]/;

/** A case-insensitive pattern as a case-sensitive one, for joining into one alternation. */
function anyCase(word: string): string {
  return [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');
}

/**
 * Names of a project's own temp helpers (`tempDir`, `TEMP_DIR`, `getTmpDirPath`, `tmpFile`): a file
 * that imports one may name no temp directory itself, and still needs a parse (with the helper's facts).
 */
export const TEMP_HELPER_NAMES = new RegExp(`${anyCase('t')}(?:${anyCase('e')})?${anyCase('mp')}_?(?:${['dir', 'file', 'path', 'folder', 'root'].map(anyCase).join('|')})`);

/** `getTmpDirPath`, `tempDir`, `TEMP_ROOT`, any case: the body of the two patterns below. */
const TEMP_HELPER_METHOD = `(?:${anyCase('get')}_?)?${anyCase('t')}(?:${anyCase('e')})?${anyCase('mp')}_?(?:${['directory', 'dir', 'folder', 'root'].map(anyCase).join('|')})(?:_?${anyCase('path')})?`;

/**
 * Method names that say they give the temp directory or a path in it (`utils.getTmpDirPath()`,
 * `helpers.tempDir()`); not `createTempDir`, which may make a private one. A call of one on an object
 * the analysis cannot follow is a path to report where a file is created in it without care.
 */
export const NAMED_TEMP_HELPER = new RegExp(`^${TEMP_HELPER_METHOD}$`);

/** The same as text: a method call `.getTmpDirPath(`, for the prefilter. */
export const CALLS_NAMED_TEMP_HELPER = new RegExp(`\\.\\s*${TEMP_HELPER_METHOD}\\s*\\(`);

/**
 * An object named as a temp directory helper (`tempDir`, `tmpDir`, `TEMP_DIR`) with a method that
 * names a path in it or makes one (`getPath`, `create`): karma's dependency-injected `tempDir`, which
 * no import leads to. The engine looks at a file that calls one; predictable-tmp-dir reports it.
 */
const TEMP_HELPER_OBJECT = `${anyCase('t')}(?:${anyCase('e')})?${anyCase('mp')}_?(?:${['directory', 'dir', 'folder'].map(anyCase).join('|')})`;
export const TEMP_HELPER_OBJECT_NAME = new RegExp(`^${TEMP_HELPER_OBJECT}$`);
export const TEMP_HELPER_OBJECT_METHODS = new Set(['getPath', 'create']);
export const CALLS_TEMP_HELPER_OBJECT = new RegExp(`\\b${TEMP_HELPER_OBJECT}\\s*\\.\\s*(?:getPath|create)\\s*\\(`);
