// Names that are shared on purpose (pattern 14): making them private would break the program.

const SHARED = /(^|[^a-z])(lock|lockfile|pid|pidfile|sock|socket|cache|caches|ipc|fifo|mutex)([^a-z]|$)|\.(lock|pid|sock|socket)$/i;
/** A name keyed by a digest, a version or the user: one per input or per user, meant to be found again. */
const KEYED = /hashlib|md5|sha1|sha224|sha256|sha512|hexdigest|\bhash\(|version|getuid|geteuid|getuser|getlogin|\bUSER\b|\buid\b/i;

/** `key` is a temp path key: literal text, with expressions written as `{source}`. */
export function looksShared(key: string): boolean {
  return SHARED.test(key.replace(/\{[^}]*\}/g, ' '));
}

export function keyedLikeCache(key: string): boolean {
  return /\{[^}]*\}/.test(key) && [...key.matchAll(/\{([^}]*)\}/g)].some((m) => KEYED.test(m[1]));
}

export const SHARED_ADVICE =
  'a lock, pid file, socket or cache is meant to be found by other processes or later runs, so a private directory would break it; not rewritten. Move it to a per-user directory with mode 0700 (for example under $XDG_RUNTIME_DIR or the user cache directory), and create it with os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600) where it must be unique';

export const REUSE_ADVICE =
  'code that reuses what an earlier run left is a cache shared across runs, and with every other user of the machine, so a private directory would break it; not rewritten. Keep the cache in a per-user directory with mode 0700 (for example under $XDG_CACHE_HOME), created with os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), and check what it reads back';

export const CACHE_ADVICE =
  'a name keyed by a digest, a version or the user is a cache meant to be found again by later runs, so a private directory would make every run start over and leave one directory behind each time; not rewritten. Keep the cache in a per-user directory with mode 0700 (for example under $XDG_CACHE_HOME), or verify what it reads back';
