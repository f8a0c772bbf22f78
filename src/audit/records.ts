// Turns what the recorders saw into the audit's records: the insecure creations, the checks before
// an open, and what was left behind, each counted once per source location.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Leftover, Recording } from './recorder';
import { SourceMaps } from './source-map';
import type { Exposure, Frame, ProcessRecords, RawEvent } from './types';

export type RecordKind = 'insecure-creation' | 'check-then-open' | 'left-behind';
/**
 * What tmpfix's static analysis says of the same place. `fixed-left-behind`: for something left
 * behind, the static run rewrites the line, but its rewrite does not remove what is made there.
 */
export type StaticVerdict = 'fixed' | 'fixed-left-behind' | 'reported' | 'not-seen' | 'no-source';

export interface Location {
  /** Relative to the project root when inside it (with `/`), else absolute. */
  file: string;
  line: number;
  column: number;
}

export interface AuditRecord {
  kind: RecordKind;
  message: string;
  location: Location | null;
  /** The absolute file of `location`. */
  absFile: string | null;
  inProject: boolean;
  /** Which recorder saw it, and the program (for records without a source line). */
  runtime: ProcessRecords['runtime'];
  program: string;
  call: string;
  flags: string[];
  exclusive: boolean;
  /** Octal permission bits (`0644`), or null when not known. */
  mode: string | null;
  directory: boolean;
  /** How open the place is to other users: `direct`, `open-dir` or `own-dir` (see docs/audit.md). */
  exposure?: Exposure;
  check?: { call: string; location: Location | null };
  /** Project frames further up the stack: who handed the path to `location`. */
  callers?: Location[];
  count: number;
  paths: string[];
  static: StaticVerdict;
  /** `leavesBehind`: for a fixed-left-behind record, what the rewrite does instead of removing it. */
  staticFinding?: { ruleId: string; line: number; column: number; fixed: boolean; leavesBehind?: string };
  staticNote?: string;
  /**
   * The position does not fit the file on disk (a line past its end, a column past its line's, an
   * empty line): a frame of code instrumented for coverage without a source map. Not an alert, not a gap.
   */
  instrumented?: true;
}

export const INSTRUMENTED_NOTE = 'position from instrumented code (coverage?), not a source line';

export const KINDS: Record<RecordKind, { title: string; description: string; cwe: string[] }> = {
  'insecure-creation': {
    title: 'insecure creation in a shared temp directory',
    description: 'A file or directory was created (or opened for writing) in a shared temp directory without O_EXCL, or with permission bits for group or others',
    cwe: ['CWE-377', 'CWE-379', 'CWE-59'],
  },
  'check-then-open': {
    title: 'existence check, then a non-exclusive open',
    description: 'A path in a shared temp directory was opened for writing without O_EXCL right after an existence check looked at it',
    cwe: ['CWE-367', 'CWE-377'],
  },
  'left-behind': {
    title: 'left behind in a shared temp directory',
    description: 'Something the command created in a shared temp directory was still there when the command ended',
    cwe: ['CWE-459'],
  },
};

export const octalMode = (mode: number): string => `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;

function programOf(processRecords: ProcessRecords): string {
  const argv = processRecords.argv.filter((arg, index) => index > 0 || !!arg);
  const shown = argv.slice(0, 3).map((arg, index) => (index === 0 ? path.basename(arg) : arg)).join(' ');
  return argv.length > 3 ? `${shown} …` : shown;
}

/** What group and others can do with what was made, from its mode: '' when nothing. */
function openTo(event: RawEvent): string {
  if (event.mode === null) return '';
  const mode = event.mode;
  if (event.directory) {
    const enter = (mode & 0o055) !== 0;
    const create = (mode & 0o022) !== 0;
    return enter && create ? 'group or others can enter it and create names in it' : enter ? 'group or others can enter it' : create ? 'group or others can create names in it' : '';
  }
  const read = (mode & 0o044) !== 0;
  const write = (mode & 0o022) !== 0;
  return read && write ? 'group or others can read and write it' : read ? 'group or others can read it' : write ? 'group or others can write it' : '';
}

/**
 * A name can be planted where another user can create names (`direct`, `open-dir`); in a directory
 * of the command's own (`own-dir`) only what the mode lets group and others do is a problem.
 */
function isInsecure(event: RawEvent): boolean {
  if (event.exposure === 'own-dir') return openTo(event) !== '';
  return !event.exclusive || openTo(event) !== '';
}

function describeCreation(event: RawEvent, pathShown: string, show: (abs: string) => string): string {
  const what = event.directory ? 'directory' : 'file';
  const mode = event.mode === null ? '' : `, mode ${octalMode(event.mode)}`;
  const readable = openTo(event);
  if (event.exposure === 'own-dir') {
    // Nobody else can create names there: only the permission bits are a problem.
    const top = event.tops[0];
    const where = `in ${top ? show(top) : 'a directory'}, a directory the command made that only you can write to`;
    const facts = [...(['mkdir -p', 'rename', 'copy'].includes(event.flags[0]) ? [] : [event.flags.join('|')]), ...(mode ? [mode.slice(2)] : [])].join(', ');
    const did = event.flags[0] === 'mkdir -p' ? `made the directory ${pathShown} with recursive: true`
      : event.flags[0] === 'rename' ? `moved a ${what} to ${pathShown}`
        : event.flags[0] === 'copy' ? `copied a ${what} to ${pathShown}`
          : event.directory ? `created the directory ${pathShown}` : `opened ${pathShown} for writing`;
    return `${event.call} ${did}${facts ? ` (${facts})` : ''} ${where}: ${readable}`;
  }
  if (event.flags[0] === 'mkdir -p') {
    // The first directory it made in the shared directory, when that is not the path itself.
    const madeTop = Object.keys(event.madeAt ?? {}).find((top) => !event.paths.includes(top));
    const alsoTop = madeTop ? `, making ${show(madeTop)} itself on the way` : '';
    return `${event.call} made the directory ${pathShown} with recursive: true${mode}${alsoTop}: a directory that already exists there, which another user may have planted, is accepted as it is${readable ? `; ${readable}` : ''}`;
  }
  if (event.flags[0] === 'rename') return `${event.call} moved a ${what} to ${pathShown}, replacing whatever was there${mode}`;
  if (event.flags[0] === 'copy') return `${event.call} copied a ${what} to ${pathShown} without COPYFILE_EXCL${mode}: a file or symlink planted there first is written through`;
  if (!event.exclusive) {
    return `${event.call} opened ${pathShown} for writing without O_EXCL (${event.flags.join('|')}${mode}): another user can create the name, or a symlink, there first${readable ? `, and ${readable}` : ''}`;
  }
  return `${event.call} created the ${what} ${pathShown} exclusively (${event.flags.join('|')}) but with mode ${octalMode(event.mode ?? 0)}: ${readable}`;
}

/** Shows a path under the shared directory it is in: `$TMPDIR/app.json` when it is the command's TMPDIR. */
function pathShown(abs: string, tmpdir: string | undefined): string {
  if (tmpdir && abs.startsWith(`${tmpdir}/`)) return `$TMPDIR/${abs.slice(tmpdir.length + 1)}`;
  return abs;
}

/** The lines of files on disk, to tell a real source position from one of instrumented code. */
class SourceLines {
  private readonly cache = new Map<string, string[] | null>();

  /** Whether line:column is a character of a non-blank line of the file; true when it cannot be read. */
  fits(file: string, line: number, column: number): boolean {
    let lines = this.cache.get(file);
    if (lines === undefined) {
      try {
        lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
      } catch {
        lines = null;
      }
      this.cache.set(file, lines);
    }
    if (lines === null) return true;
    const text = lines[line - 1];
    if (text === undefined || text.trim() === '') return false;
    // Columns are UTF-16 units in V8, UTF-8 bytes in Python's positions.
    return column >= 1 && column <= Math.max(text.length, Buffer.byteLength(text));
  }
}

export class RecordBuilder {
  private readonly maps = new SourceMaps();
  private readonly lines = new SourceLines();
  private readonly groups = new Map<string, AuditRecord>();

  constructor(
    private readonly project: string,
    private readonly tmpdir: string | undefined,
  ) {}

  private locate(frame: Frame | null): { location: Location | null; absFile: string | null; fits: boolean } {
    if (!frame) return { location: null, absFile: null, fits: true };
    const mapped = this.maps.original(frame);
    const rel = path.relative(this.project, mapped.file);
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    const location = { file: inside ? rel.split(path.sep).join('/') : mapped.file, line: mapped.line, column: mapped.column };
    return { location, absFile: mapped.file, fits: this.lines.fits(mapped.file, mapped.line, mapped.column) };
  }

  private add(kind: RecordKind, event: RawEvent, owner: ProcessRecords, message: (shown: string) => string, count: number, paths: string[]): void {
    const { location, absFile, fits } = this.locate(event.frame);
    const program = programOf(owner);
    const where = location ? `${location.file}:${location.line}:${location.column}` : `${owner.runtime}:${program}`;
    const key = [kind, event.call, where, event.exclusive, event.mode, event.flags.join('|'), event.exposure].join('\0');
    const existing = this.groups.get(key);
    if (existing) {
      existing.count += count;
      for (const p of paths) if (existing.paths.length < 5 && !existing.paths.includes(p)) existing.paths.push(p);
      return;
    }
    const check = event.check ? { call: event.check.call, location: this.locate(event.check.frame).location } : undefined;
    // A caller whose position is not a source line names no place to look at.
    const callers = (event.callers ?? []).map((frame) => this.locate(frame)).filter((caller) => caller.fits).map((caller) => caller.location!);
    this.groups.set(key, {
        kind, message: message(pathShown(paths[0] ?? '?', this.tmpdir)), location, absFile, inProject: event.inProject && location !== null,
        runtime: owner.runtime, program, call: event.call, flags: event.flags, exclusive: event.exclusive,
        mode: event.mode === null ? null : octalMode(event.mode), directory: event.directory, ...(event.exposure ? { exposure: event.exposure } : {}), ...(check ? { check } : {}), ...(callers.length ? { callers } : {}),
        count, paths: paths.slice(0, 5), static: 'no-source', ...(fits ? {} : { instrumented: true as const, staticNote: INSTRUMENTED_NOTE }),
    });
  }

  /** The creations and checks, with duplicate strace sightings of the preloads' events dropped. */
  addEvents(processes: ProcessRecords[]): void {
    const seenByPreload = new Set<string>();
    for (const owner of processes) {
      if (owner.runtime === 'strace') continue;
      for (const event of owner.events) for (const top of event.tops) seenByPreload.add(`${event.kind}\0${top}`);
    }
    for (const owner of processes) {
      for (const event of owner.events) {
        // The recorders look at a name before they note its creation; strace takes that for a check.
        const seenAs = event.kind === 'check-then-open' ? 'create' : event.kind;
        if (owner.runtime === 'strace' && event.tops.every((top) => seenByPreload.has(`${seenAs}\0${top}`))) continue;
        if (event.kind === 'create' && isInsecure(event)) {
          this.add('insecure-creation', event, owner, (shown) => describeCreation(event, shown, (abs) => pathShown(abs, this.tmpdir)), event.count, event.paths);
        } else if (event.kind === 'check-then-open' && event.exposure !== 'own-dir') {
          // (in a directory of the command's own nobody can create the name between the check and the open)
          const checked = event.check?.frame ? this.locate(event.check.frame).location : null;
          const checkWhere = checked ? ` (${checked.file}:${checked.line})` : '';
          this.add('check-then-open', event, owner, (shown) =>
            `${event.check?.call ?? 'an existence check'}${checkWhere} looked at ${shown}, then ${event.call} ${event.directory ? 'made it' : 'opened it'} non-exclusively: another user can create it, or a symlink, in between`, event.count, event.paths);
        }
      }
    }
  }

  /**
   * What was left behind, credited to the creation that made it: the last call that made that very
   * name (a private directory removed and made again by mkdir -p is the mkdir's), else the first one
   * seen creating under it.
   */
  addLeftovers(leftovers: Leftover[], processes: ProcessRecords[], realOf: (abs: string) => string): void {
    const creators = new Map<string, { event: RawEvent; owner: ProcessRecords; madeAt?: number }>();
    for (const owner of processes) {
      for (const event of owner.events) {
        if (event.kind !== 'create') continue;
        for (const top of event.tops) {
          const real = realOf(top);
          const known = creators.get(real);
          const madeAt = event.madeAt?.[top];
          const better = !known
            || (madeAt !== undefined ? known.madeAt === undefined || madeAt > known.madeAt
              // a record with a source line beats one without (strace also saw the preloads' calls)
              : known.madeAt === undefined && !known.event.frame && !!event.frame);
          if (better) creators.set(real, { event, owner, madeAt });
        }
      }
    }
    const unknown: Leftover[] = [];
    for (const leftover of leftovers) {
      const creator = creators.get(leftover.path);
      if (!creator) {
        unknown.push(leftover);
        continue;
      }
      const what = leftover.directory ? 'directory' : 'file';
      this.add('left-behind', { ...creator.event, mode: leftover.mode, directory: leftover.directory, exclusive: true, exposure: 'direct' }, creator.owner, (shown) =>
        `${creator.event.call} created the ${what} ${shown} (mode ${octalMode(leftover.mode)}), still there when the command ended: nothing removed it`, 1, [leftover.path]);
    }
    if (unknown.length > 0) {
      const nobody: ProcessRecords = { version: 1, runtime: 'strace', pid: 0, argv: ['creator not recorded'], overheadMs: 0, events: [] };
      const event: RawEvent = { kind: 'create', call: 'unknown', flags: [], exclusive: true, mode: null, directory: false, frame: null, inProject: false, count: 0, paths: [], tops: [] };
      this.add('left-behind', event, nobody, () =>
        `${unknown.length} new ${unknown.length === 1 ? 'entry' : 'entries'} in the shared temp directories when the command ended that no recorder saw being created (a program that is neither Node nor Python, without --strace, or another process on the machine)`,
      unknown.length, unknown.map((leftover) => leftover.path));
    }
  }

  records(): AuditRecord[] {
    const order: RecordKind[] = ['insecure-creation', 'check-then-open', 'left-behind'];
    return [...this.groups.values()].sort((a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind)
      || Number(b.location !== null) - Number(a.location !== null)
      || (a.location?.file ?? a.program).localeCompare(b.location?.file ?? b.program)
      || (a.location?.line ?? 0) - (b.location?.line ?? 0)
      || (a.location?.column ?? 0) - (b.location?.column ?? 0)
      || a.call.localeCompare(b.call));
  }
}

/** Every record from one recording, before the static verdicts. */
export function buildRecords(recording: Recording, project: string, tmpdir: string | undefined): AuditRecord[] {
  const builder = new RecordBuilder(project, tmpdir);
  builder.addEvents(recording.processes);
  const realOf = realPathMapper(recording.roots);
  builder.addLeftovers(recording.leftovers, recording.processes, realOf);
  return builder.records();
}

/** Rewrites a path under a root as named (`/tmp` through a symlink) into the root's real path. */
function realPathMapper(roots: string[]): (abs: string) => string {
  const fsReal = (dir: string): string => {
    try {
      return fs.realpathSync(dir);
    } catch {
      return dir;
    }
  };
  const pairs = roots.map((root) => [root, fsReal(root)] as const).filter(([named, real]) => named !== real);
  return (abs) => {
    for (const [named, real] of pairs) if (abs.startsWith(`${named}/`)) return real + abs.slice(named.length);
    return abs;
  };
}
