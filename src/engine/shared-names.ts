// Pattern 14: names that are shared on purpose. Making them private would break the program.
const SHARED = /(^|[^a-z])(lock|lockfile|pid|pidfile|sock|socket|cache|caches|ipc)([^a-z]|$)|\.(lock|pid|sock|socket)$/i;

/** `name` is a temp path key: literal text, with expressions written as `${source}` (left out here). */
export function looksShared(name: string): boolean {
  const literal = name.replace(/\$\{[^}]*\}/g, ' ');
  return SHARED.test(literal);
}

export const SHARED_ADVICE =
  'a lock, pid file, socket or cache is meant to be found by other processes or later runs, so a private directory would break it; not rewritten. Move it to a per-user directory with mode 0700 (for example under os.homedir() or $XDG_RUNTIME_DIR), and create it with the \'wx\' flag where it must be unique';

/** Every rule needs one of these in the text: os.tmpdir, a literal shared dir, or TMPDIR/TMP/TEMP. */
export const TMP_WORDS = ['tmpdir', '/tmp', '/dev/shm', 'TMP', 'TEMP'];
