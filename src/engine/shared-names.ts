// Pattern 14: names that are shared on purpose. Making them private would break the program.
const SHARED = /(^|[^a-z])(lock|lockfile|pid|pidfile|sock|socket|cache|caches|ipc)([^a-z]|$)|\.(lock|pid|sock|socket)$/i;

/** `name` is a temp path key: literal text, with expressions written as `${source}` (left out here). */
export function looksShared(name: string): boolean {
  const literal = name.replace(/\$\{[^}]*\}/g, ' ');
  return SHARED.test(literal);
}

export const SHARED_ADVICE =
  'a lock, pid file, socket or cache is meant to be found by other processes or later runs, so a private directory would break it; not rewritten. Move it to a per-user directory with mode 0700 (for example under os.homedir() or $XDG_RUNTIME_DIR), and create it with the \'wx\' flag where it must be unique';

/**
 * Every rule needs the shared temp directory named in the text: `tmpdir` (os.tmpdir in any form),
 * `/tmp`, `/var/tmp`, `/dev/shm`, or the TMPDIR, TMP and TEMP variables. Words such as TEMPLATE do not count.
 */
export const MENTIONS_TMP_DIR = /tmpdir|\/(?:tmp|dev\/shm)\b|\b(?:TMPDIR|TMP|TEMP)\b/;
