// The rewrite every predictable-name rule shares: the function's temp paths move into one private
// directory (tempfile.TemporaryDirectory, or mkdtemp when the path leaves the function), keep their
// names inside it, are created exclusively with owner-only modes, and checks before them go.
import { classify, fifoPrivate, type CallRole } from './calls';
import type { PyContext } from './context';
import { CARRYING_CALLS, CARRYING_METHODS, Lifetimes, moduleExportEscape, type Escape, type Tracking, type Use } from './lifetime';
import { nameKind } from './danger';
import { CACHE_ADVICE, keyedLikeCache, looksShared, SHARED_ADVICE } from './shared';
import { argsOf, argument, contains, field, fields, named, statementOf, statements, stringValue, unitOf, unwrap, UNIT_TYPES, walk, type PyNode } from './tree';
import type { Origin, TmpValue } from './values';
import { classOf } from './values';
import { insertBefore, regionOf, wrapInHeader, wrapInTry, type Region } from './wrap';

export interface PathSite {
  ruleId: string;
  /** The creating call (or the call into a same-file function that creates it). */
  call: PyNode;
  target: PyNode;
  value: TmpValue;
  /** What the code does, for the finding: "open() creates '/tmp/x' ...". */
  what: string;
  /** check-then-create: the `if` whose existence check goes. */
  check?: PyNode;
  /** A name-only API call (mktemp): replaced by a name inside the private directory; its own group. */
  nameOnly?: { replacement: (dirName: string) => string; dirArgs: string[] };
}

const SCRATCH = /getpid|time|random|uuid|randint|token_hex|urandom|datetime|now\(|counter|mktemp|\bid\(/i;

function isScratchName(key: string): boolean {
  return [...key.matchAll(/\{([^}]*)\}/g)].some((m) => SCRATCH.test(m[1]));
}

/** A use whose carrier is another name built from the path (`p + ".pid"`, `"%s.pid" % p`, `f"{p}.pid"`). */
function builtOnName(use: Use): boolean {
  const c = use.carrier;
  return c !== use.node && (c.type === 'binary_operator' || c.type === 'string' || c.type === 'concatenated_string');
}

/** The mkdtemp prefix from the name the old code used: `report.csv` gives `report-`. */
export function stemOf(key: string): string | undefined {
  const last = key.split('/').filter(Boolean).pop() ?? '';
  const head = last.split('{')[0];
  const withoutExt = head === last ? head.replace(/\.[A-Za-z0-9]+$/, '') : head;
  const stem = /^[A-Za-z0-9_][A-Za-z0-9_.-]*/.exec(withoutExt)?.[0].replace(/[-_.]+$/, '');
  return stem ? `${stem}-` : undefined;
}

export class PrivateDirs {
  private sites: PathSite[] = [];
  readonly lifetimes: Lifetimes;

  constructor(private readonly ctx: PyContext) {
    this.lifetimes = new Lifetimes(ctx.file);
  }

  private kept = new Map<PyNode, Set<string>>();
  /** Creations that a program or a callee handed the path earlier may have made already: the call that had it first. */
  private handedFirst = new Map<PyNode, PyNode>();

  /** A name reported as shared on purpose (a cache): no rewrite in that unit may move it. */
  keep(unitNode: PyNode, key: string): void {
    const keys = this.kept.get(unitNode) ?? new Set<string>();
    keys.add(key);
    this.kept.set(unitNode, keys);
  }

  isKept(unitNode: PyNode, key: string): boolean {
    const keys = this.kept.get(unitNode);
    return !!keys && [...keys].some((k) => key === k || key.startsWith(`${k}/`));
  }

  add(site: PathSite): void {
    if (this.sites.some((s) => s.call === site.call)) return;
    this.ctx.claimed.add(site.call);
    this.sites.push(site);
  }

  private text(n: PyNode | undefined): string {
    return this.ctx.text(n);
  }

  /** Why a site is reported rather than moved, or undefined when it can move. */
  private reportOnly(site: PathSite): string | undefined {
    const { value } = site;
    if (site.nameOnly) return undefined;
    if (looksShared(value.key)) {
      const role = classify(site.call, this.ctx.file);
      if (role?.role === 'create' && role.how === 'mkfifo') {
        const mode = fifoPrivate(site.call, this.ctx.file) ? '' : ', and give it an owner-only mode (os.mkfifo(path, 0o600))';
        return `a FIFO is found by the other processes that use it through its name, so a private directory per run would hide it from them; not rewritten. Make it in a per-user directory with mode 0700 (for example under $XDG_RUNTIME_DIR), where no other user can take the name${mode}`;
      }
      return SHARED_ADVICE;
    }
    if (keyedLikeCache(value.key)) return CACHE_ADVICE;
    if (value.returnedBy) {
      const fn = `${this.text(field(value.returnedBy, 'name'))}()`;
      const role = classify(site.call, this.ctx.file);
      const dir = role?.role === 'create' && role.what === 'dir';
      const takes = dir && this.ensuresDir(site) ? ', and the call takes a directory that is already there' : '';
      const same = nameKind(value.key) === 'fixed' ? ' under the same name for every caller' : '';
      // luigi's simulate test: every task appends to one file under temp_dir(), which a later check reads.
      const advice = same
        ? `Every caller gets the same ${dir ? 'directory' : 'path'} and may count on that (one writes what another reads): keep it in a per-user directory with mode 0700, or have ${fn} make ${dir ? 'it' : 'its directory'} once per process with tempfile.mkdtemp() (kept in a module variable, removed at exit) and return ${dir ? 'that' : 'a path inside it'}`
        : dir
        ? `Have ${fn} make it with tempfile.mkdtemp() and return that (its callers then remove it), or keep it in a per-user directory with mode 0700`
        : `Create it with os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), or have ${fn} return a name inside a directory from tempfile.mkdtemp()`;
      return `the path comes from ${fn} (line ${value.origin.node.row + 1}), which builds it in the shared temp directory${same}${takes}; not rewritten, since a private directory belongs where the name is built. ${advice}`;
    }
    if (value.stored === 'env') {
      return `the path is kept in the environment, where the programs this code starts, and every later run, look for it, so a private directory made here would change what they find; not rewritten. Make it with tempfile.mkdtemp() where the variable is set (a fresh one per run, removed when those programs are done), or keep it in a per-user directory with mode 0700`;
    }
    if (value.stored === 'module') {
      return 'the path is defined at module level and used from functions: state shared across calls, and with anything else that knows the name; not rewritten. Make the private directory where the file is used (tempfile.mkdtemp()), or keep the file in a per-user directory with mode 0700 when it must persist';
    }
    if (/(^|\/)\.\.(\/|$)/.test(value.key)) return "the name climbs out of the temp directory with '..', so no private directory can hold it; not rewritten. Build the path from a directory of your own";
    const role = classify(site.call, this.ctx.file);
    if (role?.role === 'create' && role.append && !/\{/.test(value.key)) {
      return 'appending to a fixed name is a log that grows across runs and is read by that name; not rewritten. Keep logs in a per-user directory with mode 0700 (for example under $XDG_STATE_HOME), opened with os.open(..., O_APPEND | O_CREAT, 0o600)';
    }
    if (role?.role === 'create' && role.what === 'socket') return SHARED_ADVICE;
    return undefined;
  }

  apply(): void {
    const live: PathSite[] = [];
    for (const site of this.sites) {
      if (this.isKept(unitOf(site.value.origin.node), site.value.key)) continue; // reported where it is reused
      if (this.ctx.isSuppressed(site.call)) {
        this.ctx.report(site.ruleId, site.call, site.what, false);
        continue;
      }
      // A name another file of the repository uses too (the driver's pre-pass): shared between them.
      const key = site.value.key;
      const other = site.nameOnly ? undefined : Object.keys(this.ctx.sharedNames).find((name) => key === name || key.startsWith(`${name}/`) || name.startsWith(`${key}/`));
      if (other) {
        this.ctx.report(site.ruleId, site.call, `${site.what}: the name '${other}' under the temp directory is also used by ${this.ctx.sharedNames[other]}, another file of the repository, so the files share it; a private directory here would hide it from there; not rewritten. Keep shared state in a per-user directory with mode 0700 (for example under $XDG_RUNTIME_DIR), or pass the path between the modules`, false);
        continue;
      }
      const why = this.reportOnly(site);
      if (why) this.ctx.report(site.ruleId, site.call, `${site.what}: ${why}`, false);
      else live.push(site);
    }
    // The same name built in another function of the file: shared between them, so one private
    // directory per function would split it.
    const unitsByKey = this.unitsByKey();
    const unshared = live.filter((site) => {
      if (site.nameOnly) return true;
      const here = unitOf(site.value.origin.node);
      // The name, the directory above it or a file below it: `rmtree('/tmp/d')` in a fixture shares `/tmp/d/f`.
      const key = site.value.key;
      const related = [...unitsByKey].filter(([k]) => k === key || key.startsWith(`${k}/`) || k.startsWith(`${key}/`)).flatMap(([, units]) => [...units].map(([u, built]) => [built, u] as const));
      // A function that makes its own copy and removes it shares nothing with another that does the
      // same (two tests writing '/tmp/log'), nor with one that only removes leftovers (a fixture's teardown).
      // A teardown that only clears leftovers shares nothing either with code whose rewrite removes the
      // directory itself (the path stays in the function): it then finds nothing to remove.
      const own = here.type !== 'module' && this.selfContained(here, key);
      const local = here.type !== 'module' && !site.value.stored && this.effectiveEscapes(this.trackKey(here, key)).length === 0;
      const found = related.find(([k, u]) => u !== here && u.type !== 'module' && !((own || local) && this.cleanupOnly(u, k)) && !(own && this.selfContained(u, k)));
      const elsewhere = found?.[1];
      if (!found || !elsewhere || here.type === 'module') return true;
      const where = this.text(field(elsewhere, 'name')) || 'another function';
      if (this.cleanupOnly(elsewhere, found[0])) {
        const why = this.effectiveEscapes(this.trackKey(here, key))[0]?.why ?? (site.value.stored ? 'it is stored where it outlives the call' : 'it leaves the function');
        this.ctx.report(site.ruleId, site.call, `${site.what}: ${where}() removes it by that name once the code is done, nothing here removes it, and ${why}, so a private directory per call from tempfile.mkdtemp() would be left behind where the old file was cleared; not rewritten. Make the directory with tempfile.mkdtemp() and remove it where ${where}() clears the name`, false);
        return false;
      }
      this.ctx.report(site.ruleId, site.call, `${site.what}: ${where}() uses the same name, so the two share the file through it and a private directory per function would split them; not rewritten. Make the directory once (tempfile.mkdtemp()) and pass the path to both, or keep the file in a per-user directory with mode 0700`, false);
      return false;
    });
    const groups = new Map<PyNode, PathSite[]>();
    for (const site of unshared) {
      // Each name-only call gets a directory of its own (its prefix and dir arguments go to it).
      const key = site.nameOnly ? site.call : unitOf(site.value.origin.node);
      const list = groups.get(key) ?? [];
      list.push(site);
      groups.set(key, list);
    }
    for (const sites of groups.values()) this.plan(unitOf(sites[0].value.origin.node), sites);
  }

  /**
   * For every temp path name in the file, the units (functions, the module) where an expression builds
   * it, each with the name as built there (`{file}` for a loop over a list of literals).
   */
  private unitsByKey(): Map<string, Map<PyNode, string>> {
    const out = new Map<string, Map<PyNode, string>>();
    walk(this.ctx.file.root, (n) => {
      if (n.type !== 'string' && n.type !== 'call' && n.type !== 'binary_operator' && n.type !== 'concatenated_string') return undefined;
      const v = this.ctx.values.of(n);
      if (v?.kind !== 'path' || v.stored || v.returnedBy) return v ? false : undefined;
      const unit = unitOf(v.origin.node);
      for (const key of this.loopKeys(n, v.key)) {
        const units = out.get(key) ?? new Map<PyNode, string>();
        if (!units.has(unit)) units.set(unit, v.key);
        out.set(key, units);
      }
      return false;
    });
    return out;
  }

  /**
   * `for name in ['a', 'b']: rmtree(Path('/dev/shm') / name)`: a name built from a loop variable over
   * a list of string literals stands for each of them (a fixture that cleans a list of fixed names).
   */
  private loopKeys(node: PyNode, key: string): string[] {
    const piece = /^\{(\w+)\}$/.exec(key.split('/').pop() ?? '');
    if (!piece) return [key];
    for (let at: PyNode | null = node.parent; at; at = at.parent) {
      if (at.type !== 'for_statement') continue;
      const target = field(at, 'left');
      let list = unwrap(field(at, 'right'));
      if (target?.type !== 'identifier' || this.text(target) !== piece[1]) continue;
      // `files = ['a', 'b']` earlier in the same function (or at module level), then `for file in files:`.
      if (list?.type === 'identifier') {
        const assignments = this.ctx.file.scopes.assignmentsOf(this.text(list), list);
        list = assignments.length === 1 && assignments[0].kind === 'assign' ? unwrap(assignments[0].value) : undefined;
      }
      if (!list || (list.type !== 'list' && list.type !== 'tuple')) return [key];
      const names = named(list).map((item) => (item.type === 'string' ? stringValue(item, this.ctx.source) : undefined));
      if (names.some((n) => n === undefined)) return [key];
      const head = key.split('/').slice(0, -1).join('/');
      return [key, ...names.map((n) => (head ? `${head}/${n}` : n!))];
    }
    return [key];
  }

  /**
   * Whether `unitNode` makes its own copy of the path named `key` and removes it when done: the first
   * use creates it (or hands it to code that does), a removal comes after every other use, and it goes
   * nowhere else (code tmpfix cannot see is given it only before the removal).
   */
  private selfContained(unitNode: PyNode, key: string): boolean {
    const tracking = this.trackKey(unitNode, key);
    const uses = tracking.uses.filter((u) => u.kind !== 'define');
    const removal = uses.filter((u) => u.kind === 'remove' && unitOf(u.node) === unitNode).pop();
    if (!removal || uses.some((u) => u.node.start > removal.node.start && u.kind !== 'remove')) return false;
    if (tracking.escapes.some((e) => !(e.unknownCall && e.node.start < removal.node.start))) return false;
    const first = uses[0];
    return first.kind === 'create' || first.kind === 'handoff' || (first.kind === 'other' && !!first.call);
  }

  /** Whether `unitNode` only checks for and removes the path named `key` (a teardown that clears leftovers). */
  private cleanupOnly(unitNode: PyNode, key: string): boolean {
    const tracking = this.trackKey(unitNode, key);
    const uses = tracking.uses.filter((u) => u.kind !== 'define');
    return tracking.escapes.length === 0 && uses.some((u) => u.kind === 'remove') && uses.every((u) => u.kind === 'remove' || u.kind === 'check');
  }

  /** The sites handed over so far for `unitNode` (their keys, to tell a new name from a known one). */
  siteKeys(unitNode: PyNode): Set<string> {
    return new Set(this.sites.filter((s) => unitOf(s.value.origin.node) === unitNode).map((s) => s.value.key));
  }

  /** Every use in `unitNode` of the path named `key` (the same name built anywhere in it). */
  usesOfKey(unitNode: PyNode, key: string): Use[] {
    return this.trackKey(unitNode, key).uses;
  }

  trackKey(unitNode: PyNode, key: string): Tracking {
    const unit = this.ctx.file.scopes.unit(unitNode);
    return this.lifetimes.track(unit, { seeds: this.originsFor(unitNode, [key]) });
  }

  /** Every origin in `unit` of a path related to `keys` (the same name, or one above or below it). */
  private originsFor(unit: PyNode, keys: string[]): PyNode[] {
    const related = (key: string) => keys.some((k) => key === k || key.startsWith(`${k}/`) || k.startsWith(`${key}/`));
    const origins = new Set<PyNode>();
    walk(unit, (n) => {
      if (n !== unit && UNIT_TYPES.has(n.type)) return false;
      if (n.type === 'comment') return false;
      if (!['string', 'call', 'binary_operator', 'concatenated_string'].includes(n.type)) return undefined;
      const v = this.ctx.values.of(n);
      if (v?.kind === 'path' && related(v.key) && unitOf(v.origin.node) === unit && !v.stored) origins.add(v.origin.node);
      return undefined;
    });
    return [...origins];
  }

  private plan(unitNode: PyNode, group: PathSite[]): void {
    const ctx = this.ctx;
    const unit = ctx.file.scopes.unit(unitNode);
    let sites = group;
    // A file written and never used again under a fixed name is for someone else to find.
    sites = sites.filter((site) => {
      if (site.value.stored || site.nameOnly || isScratchName(site.value.key)) return true;
      const own = this.lifetimes.track(unit, { seeds: this.originsFor(unitNode, [site.value.key]).filter((o) => o === site.value.origin.node || true) });
      const others = own.uses.filter((u) => u.kind !== 'create' && u.kind !== 'define');
      if (others.length > 0 || site.check) return true;
      ctx.report(site.ruleId, site.call, `${site.what}: the code writes it and never reads it, hands it on or returns it, so it is meant to be found by that name (by a person or another program) and a private directory would hide it; not rewritten. If nothing reads it afterwards, use tempfile.TemporaryFile(); if something does, keep it in a per-user directory with mode 0700`, false);
      return false;
    });
    if (sites.length === 0) return;
    const keys = [...new Set(sites.map((s) => s.value.key))];
    const nameOnly = sites[0].nameOnly;
    // Code that also hands the shared directory itself to a program (or lists it) counts on finding
    // its files there: a private directory would hide them.
    const reliance = nameOnly ? undefined : this.dirHandedOn(unitNode);
    if (reliance) {
      for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: the code also hands the shared temp directory itself to ${reliance}, so it counts on finding the file there, and a private directory would hide it; not rewritten. Give that code a directory from tempfile.mkdtemp() as well, and the file inside it`, false);
      return;
    }
    const seeds = [...new Set([...sites.map((s) => s.value.origin.node), ...(nameOnly ? [] : this.originsFor(unitNode, keys))])];
    const tracking = this.lifetimes.track(unit, { seeds });
    const escapes = this.effectiveEscapes(tracking);
    // A module's CONSTANT (or a name in __all__) is read by the modules that import it.
    const exported = moduleExportEscape(this.ctx.file, unitNode, tracking.names);
    if (exported) escapes.push(exported);
    // A public function that returns the made-up name hands its callers a name nothing here created:
    // they create (and remove) the file, and a directory per call would be theirs to remove without them knowing.
    // `return cls(tempfile.mktemp())`: handed to a call whose result is returned goes back to the callers as well.
    const returned = nameOnly && escapes.find((e) => (!e.unknownCall && /returns it|yields it/.test(e.why)) || (e.unknownCall && returnedThroughCall(e.node)));
    if (returned && this.isPublic(unitNode) && !tracking.uses.some((u) => u.kind !== 'define' && u.node.start < returned.node.start)) {
      const fn = this.text(field(unitNode, 'name'));
      for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: ${fn}() returns the name before anything here creates it, so its callers create the file; a private directory per call would be left for them to remove (os.path.dirname() of the name) without their knowing; not rewritten. Whoever creates it must use os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), or better return a file from tempfile.mkstemp() or a directory from tempfile.mkdtemp() and document that the caller removes it`, false);
      return;
    }
    const stored = sites.find((s) => s.value.stored === 'self');
    if (stored) escapes.push({ node: stored.value.origin.node, why: `it is stored on self (${this.storedName(stored)}), which outlives the call` });
    const nodes = [...seeds, ...tracking.uses.map((u) => u.node), ...sites.filter((s) => unitOf(s.call) === unitNode).map((s) => s.call), ...sites.flatMap((s) => (s.check ? [s.check] : []))];
    const region = regionOf(ctx, nodes.filter((n) => unitOf(n) === unitNode || contains(unitNode, n)), unitNode);
    if (typeof region === 'string') {
      for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: not rewritten, because ${region}; move it into a directory from tempfile.mkdtemp() by hand`, false);
      return;
    }
    // A directory made when missing and handed out is shared by every caller: a new one per call would change that.
    const ensured = sites.find((s) => this.ensuresDir(s));
    const handedOut = escapes.find((e) => !e.unknownCall);
    if (ensured && handedOut && !nameOnly) {
      for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: the directory is made only when missing and handed out (${handedOut.why}), so every caller, and every later run, shares it; a private directory per call would change that; not rewritten. Make it once with tempfile.mkdtemp() and pass it along, or keep it in a per-user directory with mode 0700`, false);
      return;
    }
    // Removed by a nested function or class that tmpfix does not rewrite (a generated TestCase's
    // tearDown): the directory would stay behind there, more than the old code left.
    const nestedRemoval = escapes.length ? this.removedInNested(unitNode, tracking) : undefined;
    if (nestedRemoval) {
      for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: the code removes it in ${nestedRemoval}, a nested function, which tmpfix does not rewrite, so a private directory made here would be left behind there; not rewritten. Make the directory with tempfile.mkdtemp() and remove it where the file is removed`, false);
      return;
    }
    // `if os.path.exists(d): shutil.rmtree(d)` before making it, and nothing removes it after: the old
    // code keeps one directory across runs (each run clears the last one's); a private directory per
    // run that nobody removes would pile up instead.
    if (escapes.length > 0 && !nameOnly) {
      const firstCreate = Math.min(...sites.map((s) => s.call.start));
      const removals = tracking.uses.filter((u) => u.kind === 'remove');
      if (removals.length > 0 && removals.every((u) => u.node.start < firstCreate)) {
        for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: the code clears what an earlier run left there before making it, and nothing removes it afterwards (${escapes[0].why}), so the old code keeps a single one across runs; a private directory per run would pile up; not rewritten. Make it with tempfile.mkdtemp() and remove it when the work is done, or keep it in a per-user directory with mode 0700`, false);
        return;
      }
    }
    // Handed only to code that keeps it past this function where no caller can reach it (a function
    // tmpfix cannot see into, a program left running), and nothing here removes it: nobody could
    // remove a private directory made for it, so one would stay behind on every call, more than the
    // old code left (a reused fixed name, or one file per call).
    if (escapes.length > 0 && escapes.every((e) => !reachesCaller(e)) && !stored) {
      const creations = [...tracking.uses.filter((u) => u.kind === 'create').map((u) => u.node), ...sites.filter((s) => unitOf(s.call) === unitNode).map((s) => s.call)];
      const removed = tracking.uses.some((u) => u.kind === 'remove' && u.call && unitOf(u.call) === unitNode && creations.some((c) => c.start < u.call!.start));
      if (!removed) {
        const unknown = escapes.find((e) => e.unknownCall);
        const keep = unknown ? `once you know that ${/handed to (\S+\(\))/.exec(unknown.why)?.[1] ?? 'the code it is handed to'} does not keep the path` : 'once the program is done with it (wait for it first)';
        const around = ctx.py2 ? 'a directory from tempfile.mkdtemp() removed in a finally around its uses' : 'tempfile.TemporaryDirectory() around its uses';
        const create = nameOnly ? `Create it with tempfile.mkstemp() or inside ${around}` : `Create it inside ${around}`;
        // In setUp() the test runs after it returns: a with block there would end before the test.
        const fixture = testSetUp(unitNode, ctx);
        const advice = fixture
          ? `Make a directory with tempfile.mkdtemp() in ${fixture.setUp}(), put the name inside it, and remove the directory in ${fixture.tearDown}() (or register self.addCleanup(shutil.rmtree, that directory) in ${fixture.setUp}()); a with block in ${fixture.setUp}() would end before the test runs`
          : `${create}, ${keep}`;
        for (const site of sites) ctx.report(site.ruleId, site.call, `${site.what}: ${escapes[0].why}, and nothing here removes it, so a private directory made for it would be left behind on every call, which no caller could remove; not rewritten. ${advice}`, false);
        return;
      }
    }
    const dirName = ctx.fresh('private_dir');
    const top = [...sites].sort((a, b) => a.value.key.split('/').length - b.value.key.split('/').length)[0];
    const stem = stemOf(top.value.key);
    // '/tmp/...' spelled out: the private directory goes there too, on the same filesystem (renames and
    // links into the old place keep working, /dev/shm stays in memory); from gettempdir(), the default.
    const literalDir = nameOnly ? undefined : this.literalDir(seeds);
    const prefixArg = nameOnly ? nameOnly.dirArgs.join(', ') : [stem ? `prefix=${this.quote(stem)}` : '', literalDir ? `dir=${this.quote(literalDir)}` : ''].filter(Boolean).join(', ');
    for (const origin of seeds) {
      if (nameOnly) ctx.edits.replace(origin.start, origin.end, nameOnly.replacement(dirName));
      else this.replaceOrigin(origin, dirName);
    }
    const local = escapes.length === 0;
    const scope = unitNode.type === 'module' ? 'the script' : unitNode.type === 'class_definition' ? 'the class body' : 'the function';
    /** Where the directory now goes because the old code removed the file there. */
    const removedAt = new Set<string>();
    if (local) {
      if (ctx.py2) {
        wrapInTry(ctx, region, [`${dirName} = ${ctx.file.imports.ref('tempfile', 'mkdtemp')}(${prefixArg})`], [`${ctx.file.imports.ref('shutil', 'rmtree')}(${dirName}, ignore_errors=True)`]);
      } else {
        wrapInHeader(ctx, region, `with ${ctx.file.imports.ref('tempfile', 'TemporaryDirectory')}(${prefixArg}) as ${dirName}:`);
      }
    } else {
      insertBefore(ctx, region.first, region.indent, [`${dirName} = ${ctx.file.imports.ref('tempfile', 'mkdtemp')}(${prefixArg})`]);
      // Where the old code removed the file, the whole private directory goes instead.
      // (Not inside a loop: a later pass would find the directory gone.)
      // A removal before anything creates the file clears a stale one, which a new directory never holds: it stays.
      // (A mktemp() name is new where it is made: that call counts as its creation.)
      const creations = [...tracking.uses.filter((u) => u.kind === 'create').map((u) => u.node), ...sites.filter((s) => unitOf(s.call) === unitNode).map((s) => s.call)];
      const removals = tracking.uses.filter((u) => u.kind === 'remove' && u.call && unitOf(u.call) === unitNode && creations.some((c) => c.start < u.call!.start));
      // A removal of another name built from the path (`os.unlink(name + ".pid")`) removes only that
      // sibling, while the file itself may still be in use: it stays, unless the path's own removal
      // (now the directory's) came before it in the same block, which took the sibling with it.
      const own = removals.filter((u) => !builtOnName(u));
      for (const use of removals) {
        if (inLoopWithin(use.call!, region.block)) continue;
        if (!own.includes(use)) {
          const statement = statementOf(use.call!);
          const before = own.find((o) => o.call!.start < use.call!.start && !inLoopWithin(o.call!, region.block) && statementOf(o.call!).parent === statement.parent);
          if (before) this.dropStatement(statement);
          continue;
        }
        this.removeDirInstead(use.call!, dirName);
        removedAt.add(`in ${scope}`);
      }
      // Removed in a loop that makes it again on the next pass: the directory goes once the loop is done.
      const looped = removals.filter((u) => inLoopWithin(u.call!, region.block)).pop();
      const loop = looped && statements(region.block).find((st) => contains(st, looped.node));
      if (loop) {
        const rmtree = `${ctx.file.imports.ref('shutil', 'rmtree')}(${dirName}, ignore_errors=True)`;
        if (creations.every((c) => c.start < loop.end)) {
          wrapInTry(ctx, { ...region, first: loop }, [], [rmtree]);
          removedAt.add(`in ${scope}, in a finally after the loop that removes the file`);
        }
      }
      if (stored) this.removeStoredDirs(this.storedName(stored), stored.value.origin.node, removedAt);
      // `self.path = <path>`: wherever the class removes self.path, the directory around it goes.
      for (const use of tracking.uses) {
        let assignment = use.carrier.parent;
        // `cls.files = files = (a, b)`: the outer target holds it too.
        while (assignment?.type === 'assignment' && assignment.field === 'right' && assignment.parent?.type === 'assignment') assignment = assignment.parent;
        const left = assignment?.type === 'assignment' && (use.carrier.field === 'right' || assignment !== use.carrier.parent) ? unwrap(field(assignment, 'left')) : undefined;
        if (left?.type === 'attribute' && isOwnerObject(field(left, 'object'), this.ctx)) this.removeStoredDirs(this.text(left), left, removedAt);
        // `cls.files = (a, b)`: each of them is removed where the class removes an item of cls.files.
        if (left?.type === 'pattern_list' || left?.type === 'tuple_pattern') {
          for (const part of named(left)) if (part.type === 'attribute' && isOwnerObject(field(part, 'object'), this.ctx)) this.removeStoredDirs(this.text(part), part, removedAt);
        }
      }
    }
    this.editCreations(tracking, region, sites, unitNode);
    for (const site of sites) if (site.check) this.dropCheck(site.check);
    // Made in setUp(): the test framework, not a caller, comes back for it, in tearDown().
    const fixture = testSetUp(unitNode, ctx);
    const leftTo = fixture
      ? `so nothing removes that directory (os.path.dirname() of the name) yet: remove it in ${fixture.tearDown}(), or register self.addCleanup(shutil.rmtree, it) in ${fixture.setUp}()`
      : "so removing that directory (os.path.dirname() of the name) is the caller's job";
    // Module-level code has no caller: the directory lives as long as the process does.
    const processLong = unitNode.type === 'module' ? 'so that directory must last as long as the process: remove it at exit (atexit.register(shutil.rmtree, <the directory>, True))' : undefined;
    const removedNote = removedAt.size ? `so it is removed where the old code removed the file (${[...removedAt].join('; ')})` : fixture ? leftTo : processLong ?? "so removing that directory is the caller's job";
    // Left for the caller: the directory around the path, when nothing here removes it.
    const callerRemoves = local || removedAt.size ? undefined : /returns it|yields it/.test(escapes[0].why) ? 'os.path.dirname() of the returned path' : 'the private directory of this path (os.path.dirname())';
    for (const site of sites) {
      if (site.nameOnly) {
        const where = `a name inside a private directory from tempfile.${local && !ctx.py2 ? 'TemporaryDirectory' : 'mkdtemp'}() (mode 0700), which no other user can enter`;
        ctx.report(site.ruleId, site.call, `${site.what}; now ${where}${local ? `, removed when ${scope} is done with it` : `; ${escapes[0].why}, ${removedAt.size ? removedNote : leftTo}`}`, true, callerRemoves);
        continue;
      }
      const how = local
        ? `now created in a private directory from tempfile.${ctx.py2 ? 'mkdtemp' : 'TemporaryDirectory'}() (mode 0700) under the same name${this.exclusiveNote(site)}, removed when ${scope} is done with it`
        : `now created in a private directory from tempfile.mkdtemp() (mode 0700) under the same name${this.exclusiveNote(site)}; ${escapes[0].why}, ${removedNote}`;
      ctx.report(site.ruleId, site.call, `${site.what}; ${how}`, true, callerRemoves);
    }
  }

  /**
   * The nested function that removes the path (or `self.x` set from it, anywhere in that function's
   * class), when one does: the uses there are tracked as the function's own.
   */
  private removedInNested(unitNode: PyNode, tracking: Tracking): string | undefined {
    const names = [...tracking.names];
    const found = new Set<PyNode>();
    walk(unitNode, (n) => {
      if (n.type === 'identifier' && names.includes(this.text(n)) && unitOf(n) !== unitNode) found.add(unitOf(n));
      return undefined;
    });
    for (const inner of found) {
      const unit = this.ctx.file.scopes.units.get(inner);
      if (!unit) continue;
      const where = `${this.text(field(inner, 'name')) || 'a lambda'}()`;
      const own = this.lifetimes.track(unit, { seeds: [], names: names.filter((n) => !unit.assignments.has(n)) });
      if (own.uses.some((u) => u.kind === 'remove')) return where;
      // `self.name = '%s-%d' % (prefix, n)` here, `_killfile(f, self.name)` in tearDown.
      const cls = classOf(inner);
      for (const use of own.uses) {
        const assignment = use.carrier.parent;
        const left = assignment?.type === 'assignment' && use.carrier.field === 'right' ? unwrap(field(assignment, 'left')) : undefined;
        if (!cls || left?.type !== 'attribute' || !isOwnerObject(field(left, 'object'), this.ctx)) continue;
        const attr = this.text(field(left, 'attribute'));
        let remover: string | undefined;
        walk(cls, (n) => {
          if (remover || n.type !== 'call') return undefined;
          const role = classify(n, this.ctx.file);
          const callee = this.text(unwrap(field(n, 'function'))).split('.').pop() ?? '';
          const removes = role?.role === 'remove' || (!role && /^_*(kill|remove|delete|unlink|clean|cleanup|rm|rmtree|rm_rf|purge|erase)(_|[A-Z]|$)/i.test(callee));
          if (removes && named(field(n, 'arguments') ?? n).some((a) => unwrap(a)?.type === 'attribute' && this.text(field(unwrap(a)!, 'attribute')) === attr && isOwnerObject(field(unwrap(a)!, 'object'), this.ctx))) {
            const fn = unitOf(n);
            remover = `${this.text(field(fn, 'name')) || 'the class'}()`;
          }
          return undefined;
        });
        if (remover) return remover;
      }
    }
    return undefined;
  }

  /** A function or method callers outside this module may call: its name and its class's have no leading underscore. */
  private isPublic(unitNode: PyNode): boolean {
    if (unitNode.type !== 'function_definition') return false;
    if (this.text(field(unitNode, 'name')).startsWith('_')) return false;
    const cls = classOf(unitNode);
    return !cls || !this.text(field(cls, 'name')).startsWith('_');
  }

  /** The call that is handed the shared temp directory itself in `unitNode` (a program, a listing, code tmpfix cannot see), if any. */
  private dirHandedOn(unitNode: PyNode): string | undefined {
    let found: string | undefined;
    walk(unitNode, (n) => {
      if (found) return false;
      if (n !== unitNode && UNIT_TYPES.has(n.type)) return false;
      if (n.type !== 'call') return undefined;
      const q = this.ctx.file.qualified(field(n, 'function'));
      if (q?.startsWith('tempfile.') || q?.startsWith('os.path.') || (q && /^(builtins\.(print|str|repr|len)|os\.makedirs|os\.mkdir|os\.chdir|os\.environ\.\w+|os\.getenv)$/.test(q))) return undefined;
      // Building a path or a string from it is no hand-over: what is built is followed by itself.
      const method = this.ctx.file.method(n);
      if ((q && CARRYING_CALLS.has(q)) || (!q && method && CARRYING_METHODS.has(method.name))) return undefined;
      const role = classify(n, this.ctx.file);
      const lists = q === 'os.listdir' || q === 'os.scandir' || q === 'os.walk' || q?.startsWith('glob.');
      if (role && role.role !== 'handoff' && !lists) return undefined;
      if (role?.role === 'consumer' && !lists) return undefined;
      const args = named(field(n, 'arguments') ?? n).map((a) => (a.type === 'keyword_argument' ? field(a, 'value') : a));
      const handed = args.some((a) => {
        if (!a) return false;
        let hit = false;
        walk(a, (m) => {
          if (hit || m.type === 'call' && m !== a && this.ctx.file.qualified(field(m, 'function'))?.startsWith('os.path.join')) return false;
          if (this.ctx.values.of(m)?.kind === 'dir') hit = true;
          return hit ? false : undefined;
        });
        return hit;
      });
      if (handed) found = `${this.text(unwrap(field(n, 'function')))}()`;
      return undefined;
    });
    return found;
  }

  /** `os.makedirs(d, exist_ok=True)`, or a check before making it: a directory that is reused when there. */
  private ensuresDir(site: PathSite): boolean {
    const role = classify(site.call, this.ctx.file);
    if (role?.role !== 'create' || role.what !== 'dir') return false;
    if (site.check) return true;
    const args = argsOf(site.call, this.ctx.source);
    if (this.text(args.keywords.get('exist_ok')) === 'True') return true;
    // try: os.mkdir(d) except OSError / FileExistsError: an existing directory is fine.
    for (let n = site.call.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
      if (n.type === 'try_statement') return named(n).some((c) => c.type === 'except_clause' && /\b(OSError|FileExistsError|IOError|EnvironmentError)\b|^except\s*:/.test(this.text(c)));
      if (n.type === 'except_clause' || n.type === 'finally_clause') break;
    }
    return false;
  }

  /** A string literal in the file's own quotes. */
  quote(text: string): string {
    const doubles = (this.ctx.source.match(/(^|[^\w'"])"/g) ?? []).length;
    const singles = (this.ctx.source.match(/(^|[^\w'"])'/g) ?? []).length;
    return singles > doubles ? `'${text}'` : `"${text}"`;
  }

  private exclusiveNote(site: PathSite): string {
    const role = classify(site.call, this.ctx.file);
    if (role?.role !== 'create' || !['open', 'os.open', 'path-open', 'path-write', 'path-touch'].includes(role.how)) return '';
    const earlier = this.handedFirst.get(site.call);
    if (!earlier) return ', exclusively and with mode 0600';
    return `, with mode 0600 when it is the one to create it (not exclusively: ${this.text(unwrap(field(earlier, 'function')))}() had the path first and may have made the file; nobody else can enter the directory)`;
  }

  private storedName(site: PathSite): string {
    const via = site.value.origin.node;
    const statement = statementOf(via);
    const assignment = named(statement)[0];
    return this.text(field(assignment, 'left')) || 'an attribute';
  }

  /**
   * Unknown callees are forgiven when the code removes the file itself after handing it to them: the
   * old code treated the name as dead there, whatever it did with it in between.
   */
  private effectiveEscapes(tracking: Tracking): Escape[] {
    const removals = tracking.uses.filter((u) => u.kind === 'remove');
    const escapes = tracking.escapes.filter((e) => !(e.unknownCall && removals.some((r) => r.node.start > e.node.start)));
    const meaningful = tracking.uses.filter((u) => u.kind !== 'create' && u.kind !== 'define');
    if (meaningful.length > 0 && meaningful.every((u) => u.kind === 'print')) {
      escapes.push({ node: meaningful[0].node, why: 'the code only prints its name, so a person is meant to find it' });
    }
    return escapes;
  }

  private replaceOrigin(origin: PyNode, dirName: string): void {
    const ctx = this.ctx;
    const value = this.originOf(origin);
    if (!value || value.how === 'expr') {
      ctx.edits.replace(origin.start, origin.end, dirName);
      return;
    }
    const s = value.node;
    const content = s.children.find((c) => c.type === 'string_content' || c.type === 'interpolation');
    if (!content) return;
    const contentStart = s.children[1].start;
    if (value.fstring) {
      ctx.edits.replace(contentStart, contentStart + value.length, `{${dirName}}`);
      return;
    }
    const raw = ctx.source.slice(contentStart, s.children[s.children.length - 1].start);
    const rest = raw.slice(value.length).replace(/^\/+/, '');
    const cut = raw.length - raw.slice(value.length).replace(/^\/+/, '').length;
    const quoteOpen = ctx.source.slice(s.start, contentStart);
    const quoteClose = ctx.source.slice(s.children[s.children.length - 1].start, s.end);
    const join = () => ctx.file.imports.ref('os.path', 'join');
    if (!rest) {
      // "/tmp" or "/tmp/" alone: the directory itself.
      const parent = s.parent;
      if (parent?.type === 'binary_operator' && field(parent, 'left') === s && this.text(field(parent, 'operator')) === '+') {
        this.wrapChain(parent, s, dirName, true);
        return;
      }
      ctx.edits.replace(s.start, s.end, dirName);
      return;
    }
    const parent = s.parent;
    const literal = `${quoteOpen}${rest}${quoteClose}`;
    if (parent?.type === 'argument_list') {
      const call = parent.parent!;
      const q = ctx.file.qualified(field(call, 'function'));
      if (q && /^(os\.path\.join|posixpath\.join|pathlib\.(Pure)?(Posix)?Path)$/.test(q) && argsOf(call, ctx.source).positional[0] === s) {
        ctx.edits.replace(s.start, s.end, `${dirName}, ${literal}`);
        return;
      }
    }
    if (parent?.type === 'binary_operator' && field(parent, 'left') === s) {
      const op = this.text(field(parent, 'operator'));
      if (op === '%') {
        ctx.edits.replace(contentStart, contentStart + cut, '');
        this.wrapJoin(parent, dirName);
        return;
      }
      if (op === '+') {
        this.wrapChain(parent, s, dirName, false, cut);
        return;
      }
    }
    if (parent?.type === 'attribute' && field(parent, 'object') === s && this.text(field(parent, 'attribute')) === 'format' && parent.parent?.type === 'call') {
      ctx.edits.replace(contentStart, contentStart + cut, '');
      this.wrapJoin(parent.parent, dirName);
      return;
    }
    ctx.edits.replace(s.start, s.end, `${join()}(${dirName}, ${literal})`);
  }

  /** The directory every seed spells out as a literal ('/tmp', '/dev/shm'), or undefined when any comes from code. */
  private literalDir(seeds: PyNode[]): string | undefined {
    const dirs = new Set<string>();
    for (const seed of seeds) {
      const origin = this.originOf(seed);
      if (origin?.how !== 'literal') return undefined;
      const start = origin.node.children[1]?.start;
      if (start === undefined) return undefined;
      dirs.add(this.ctx.source.slice(start, start + origin.length).replace(/\/+$/, ''));
    }
    return dirs.size === 1 ? [...dirs][0] : undefined;
  }

  private originOf(node: PyNode): Origin | undefined {
    const v = this.ctx.values.of(node);
    if (v && v.origin.node === node) return v.origin;
    return undefined;
  }

  private wrapJoin(expr: PyNode, dirName: string): void {
    this.ctx.edits.insert(expr.start, `${this.ctx.file.imports.ref('os.path', 'join')}(${dirName}, `);
    this.ctx.edits.insert(expr.end, ')');
  }

  /** `"/tmp/" + name + ".txt"` becomes `os.path.join(private_dir, name + ".txt")`. */
  private wrapChain(first: PyNode, literal: PyNode, dirName: string, whole: boolean, cut = 0): void {
    let top = first;
    while (top.parent?.type === 'binary_operator' && field(top.parent, 'left') === top && this.text(field(top.parent, 'operator')) === '+') top = top.parent;
    const contentStart = literal.children[1]?.start ?? literal.start;
    const rest = this.ctx.source.slice(contentStart + cut, literal.children[literal.children.length - 1].start);
    if (whole || rest === '') {
      // Nothing left of the literal: drop it and its `+`.
      const right = field(first, 'right')!;
      this.ctx.edits.replace(literal.start, right.start, '');
    } else {
      this.ctx.edits.replace(contentStart, contentStart + cut, '');
    }
    if (top === first && (whole || rest === '')) {
      // `"/tmp/" + name` alone: the join takes the name.
    }
    this.wrapJoin(top, dirName);
  }

  /** Where the old code removed the file, the private directory goes: instead of os.remove(), after a helper. */
  /** Deletes a statement that stands alone on its lines (its block keeps other statements). */
  private dropStatement(statement: PyNode): void {
    const source = this.ctx.source;
    if (statement.type !== 'expression_statement' || this.ctx.indentOf(statement) === undefined || !this.ctx.endsLine(statement)) return;
    const start = source.lastIndexOf('\n', statement.start - 1) + 1;
    const newline = source.indexOf('\n', statement.end);
    this.ctx.edits.replace(start, newline < 0 ? source.length : newline + 1, '');
  }

  private removeDirInstead(call: PyNode, dirName: string): void {
    const rmtree = `${this.ctx.file.imports.ref('shutil', 'rmtree')}(${dirName}, ignore_errors=True)`;
    const role = classify(call, this.ctx.file);
    if (role?.role === 'remove') {
      // `if os.path.exists(p): os.remove(p)` guarded the file; the directory goes whether the file is there or not.
      const guard = existenceGuard(call, this.text(unwrap(role.target)), this.ctx);
      if (guard) this.ctx.edits.replace(guard.start, guard.end, rmtree);
      else this.ctx.edits.replace(call.start, call.end, rmtree);
      return;
    }
    const statement = statementOf(call);
    const indent = this.ctx.indentOf(statement);
    if (indent !== undefined && this.ctx.endsLine(statement) && statement.type === 'expression_statement') this.ctx.edits.addLines(statement.endRow, [`${indent}${rmtree}`], { below: true });
  }

  /**
   * `os.remove(self.log)` elsewhere in the class (or `for f in cls.files: os.unlink(f)`, or
   * `os.remove(self.files[0])`): the private directory around it goes instead, whether or not the file
   * is there (`if os.path.exists(self.log):` guarded the file, not the directory). The method that makes
   * the directory is left to the uses tracked there.
   */
  private removeStoredDirs(attr: string, at: PyNode, removedAt: Set<string>): void {
    const ctx = this.ctx;
    const cls = classOf(at);
    if (!cls) return;
    const member = attr.split('.').pop()!;
    const home = unitOf(at);
    const storedHere = (n: PyNode | undefined): boolean => {
      const e = unwrap(n);
      if (!e) return false;
      if (e.type === 'attribute') return this.text(field(e, 'attribute')) === member && isOwnerObject(field(e, 'object'), ctx);
      if (e.type === 'subscript') return storedHere(field(e, 'value'));
      return false;
    };
    /** `f` of `for f in cls.files:` around `ref`. */
    const loopOverStored = (ref: PyNode): boolean => {
      if (ref.type !== 'identifier') return false;
      for (let n = ref.parent; n && !UNIT_TYPES.has(n.type); n = n.parent) {
        if (n.type === 'for_statement' && this.text(field(n, 'left')) === this.text(ref) && storedHere(field(n, 'right'))) return true;
      }
      return false;
    };
    walk(cls, (n) => {
      if (n.type !== 'call') return undefined;
      if (unitOf(n) === home) return undefined;
      const role = classify(n, ctx.file);
      if (role?.role !== 'remove') return undefined;
      const target = unwrap(role.target)!;
      if (!storedHere(target) && !loopOverStored(target)) return undefined;
      const path = this.text(target);
      const rmtree = `${ctx.file.imports.ref('shutil', 'rmtree')}(${ctx.file.imports.ref('os.path', 'dirname')}(${path}), ignore_errors=True)`;
      const guard = existenceGuard(n, path, ctx);
      if (guard) ctx.edits.replace(guard.start, guard.end, rmtree);
      else ctx.edits.replace(n.start, n.end, rmtree);
      const method = unitOf(n);
      removedAt.add(method.type === 'function_definition' ? `in ${this.text(field(method, 'name'))}()` : 'in the class body');
      return false;
    });
  }

  /** Exclusive, owner-only creation for the first creation of each name, owner-only for the others. */
  private editCreations(tracking: Tracking, region: Region, sites: PathSite[], unitNode: PyNode): void {
    const creations: { call: PyNode; role: CallRole & { role: 'create' }; carrier: PyNode }[] = [];
    const seen = new Set<PyNode>();
    const consider = (call: PyNode | undefined, carrier: PyNode) => {
      if (!call || seen.has(call)) return;
      const role = classify(call, this.ctx.file);
      if (role?.role !== 'create' || !contains(role.target, carrier)) return;
      seen.add(call);
      creations.push({ call, role, carrier });
    };
    for (const use of tracking.uses) if (use.kind === 'create') consider(use.call, use.carrier);
    for (const site of sites) consider(site.call, site.target);
    creations.sort((a, b) => a.call.start - b.call.start);
    const created = new Set<string>();
    for (const c of creations) {
      const value = this.ctx.values.of(c.carrier);
      // A path that is only sometimes in the temp directory keeps its creation as it is elsewhere.
      if (value?.partial) continue;
      const key = value?.key ?? this.text(c.carrier);
      const loop = inLoopWithin(c.call, region.block);
      // Exclusive creation would fail on a file that a program or a callee already made (FileExistsError);
      // inside the private directory the mode is all that is left to set.
      const earlier = this.handedBefore(c.call, key, tracking.uses);
      if (earlier) this.handedFirst.set(c.call, earlier);
      const before = created.has(key);
      const first = !before && !loop && !earlier && unitOf(c.call) === unitNode;
      created.add(key);
      // The first creation in a loop, or one after a hand-over, still gets the owner-only mode where it is the one to create it.
      this.editCreation(c.call, c.role, first, (loop && !created.has(`${key}#loop`)) || (!!earlier && !before));
      if (loop) created.add(`${key}#loop`);
    }
  }

  /**
   * The call before `call` that was handed the path named `key`, or the directory above it: a program
   * (subprocess), a function of this file, or one tmpfix cannot see. Any of them may have made it.
   */
  private handedBefore(call: PyNode, key: string, uses: Use[]): PyNode | undefined {
    for (const use of uses) {
      if (!use.call || use.node.start >= call.start || contains(call, use.node)) continue;
      const role = classify(use.call, this.ctx.file);
      if (role && role.role !== 'handoff') continue;
      const handed = this.ctx.values.of(use.node)?.key ?? this.text(use.node);
      if (handed === key || key.startsWith(`${handed}/`) || handed === '') return use.call;
    }
    return undefined;
  }

  private editCreation(call: PyNode, role: CallRole & { role: 'create' }, exclusive: boolean, ownerOnly: boolean): void {
    const ctx = this.ctx;
    const file = ctx.file;
    const args = argsOf(call, ctx.source);
    const os = (member: string) => file.imports.ref('os', member);
    switch (role.how) {
      case 'open': {
        const mode = stringValue(role.mode, ctx.source);
        if (mode === undefined || args.splat || args.keywords.has('opener') || args.keywords.has('closefd') || args.positional[0] !== role.target) return;
        const callee = field(call, 'function')!;
        ctx.edits.replace(callee.start, callee.end, os('fdopen'));
        ctx.edits.insert(role.target.start, `${os('open')}(`);
        ctx.edits.insert(role.target.end, `, ${flagsFor(mode, exclusive, os)}, 0o600)`);
        return;
      }
      case 'os.open': {
        const flags = argument(args, 1, 'flags');
        if (!flags) return;
        if (exclusive && !/O_EXCL/.test(ctx.text(flags))) ctx.edits.insert(flags.end, ` | ${os('O_EXCL')}`);
        const mode = argument(args, 2, 'mode');
        if (mode) {
          if (!/^0o?[0-7]?[0-7]00$/.test(ctx.text(mode))) ctx.edits.replace(mode.start, mode.end, '0o600');
        } else ctx.edits.insert(flags.end, ', 0o600');
        return;
      }
      case 'path-write': {
        if (!exclusive && !ownerOnly) return;
        const object = unwrap(role.target)!;
        const statement = statementOf(call);
        const indent = ctx.indentOf(statement);
        if (indent === undefined || !pure(object, ctx)) return;
        const target = ctx.edits.render(role.target.start, role.target.end);
        insertBefore(ctx, statement, indent, [`${target}.touch(mode=0o600${exclusive ? ', exist_ok=False' : ''})`]);
        return;
      }
      case 'path-open': {
        const mode = stringValue(role.mode, ctx.source);
        const list = field(call, 'arguments');
        if (mode === undefined || !list || args.splat) return;
        const open = list.children[0];
        ctx.edits.insert(role.target.start, `${os('fdopen')}(${os('open')}(`);
        ctx.edits.replace(role.target.end, open.end, `, ${flagsFor(mode, exclusive, os)}, 0o600), `);
        return;
      }
      case 'path-touch': {
        if (args.keywords.has('mode') || args.positional.length) return;
        const list = field(call, 'arguments');
        if (!list) return;
        const inside = named(list).length > 0;
        ctx.edits.insert(list.children[0].end, `mode=0o600${exclusive && !args.keywords.has('exist_ok') ? ', exist_ok=False' : ''}${inside ? ', ' : ''}`);
        return;
      }
      case 'mkdir':
      case 'mkfifo': {
        const mode = argument(args, 1, 'mode');
        const want = role.how === 'mkdir' ? '0o700' : '0o600';
        if (mode) {
          if (!/^0o?[0-7]?[0-7]00$/.test(ctx.text(mode))) ctx.edits.replace(mode.start, mode.end, want);
        } else if (args.positional[0]) ctx.edits.insert(args.positional[0].end, `, ${want}`);
        return;
      }
      case 'path-mkdir': {
        if (args.keywords.has('mode') || args.positional.length) return;
        const list = field(call, 'arguments');
        if (!list) return;
        ctx.edits.insert(list.children[0].end, `mode=0o700${named(list).length ? ', ' : ''}`);
        return;
      }
      default:
        return;
    }
  }

  /** `if not os.path.exists(p):` goes; its body takes its place. */
  private dropCheck(ifNode: PyNode): void {
    const ctx = this.ctx;
    const body = field(ifNode, 'consequence');
    if (!body) return;
    const firstChild = body.children[0];
    if (!firstChild) return;
    if (firstChild.row === ifNode.row) {
      ctx.edits.replace(ifNode.start, firstChild.start, '');
      return;
    }
    const ifIndent = ctx.indentOf(ifNode) ?? '';
    const bodyIndent = ctx.indentOf(statements(body)[0] ?? firstChild) ?? ifIndent;
    ctx.edits.replace(ctx.lineStarts[ifNode.row], ctx.lineStarts[firstChild.row], '');
    ctx.edits.dedentRows(firstChild.row, body.endRow, bodyIndent.length - ifIndent.length);
  }
}

export function flagsFor(mode: string, exclusive: boolean, os: (member: string) => string): string {
  const parts = [mode.includes('+') ? 'O_RDWR' : 'O_WRONLY', 'O_CREAT'];
  if (mode.includes('a')) parts.push('O_APPEND');
  if (exclusive || mode.includes('x')) parts.push('O_EXCL');
  else if (mode.includes('w')) parts.push('O_TRUNC');
  return parts.map((p) => os(p)).join(' | ');
}

/** `self` or `cls`: the first parameter of the method around `node`, or those names at least. */
function isOwnerObject(node: PyNode | undefined, ctx: PyContext): boolean {
  const text = ctx.text(unwrap(node));
  if (text === 'self' || text === 'cls') return true;
  let fn: PyNode | null = node?.parent ?? null;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const first = fn && named(field(fn, 'parameters') ?? fn)[0];
  return !!first && first.type === 'identifier' && ctx.text(first) === text && !!classOf(fn!);
}

/**
 * `if os.path.exists(p): os.remove(p)` (the removal the only statement, no else): the if statement, to
 * be replaced as a whole when the directory goes instead of the file.
 */
function existenceGuard(call: PyNode, path: string, ctx: PyContext): PyNode | undefined {
  const statement = statementOf(call);
  if (statement.type !== 'expression_statement' || unwrap(named(statement)[0]) !== call) return undefined;
  const block = statement.parent;
  const ifNode = block?.parent;
  if (block?.type !== 'block' || ifNode?.type !== 'if_statement' || field(ifNode, 'consequence') !== block) return undefined;
  if (statements(block).length !== 1 || fields(ifNode, 'alternative').length > 0) return undefined;
  const condition = unwrap(field(ifNode, 'condition'));
  if (condition?.type !== 'call') return undefined;
  const role = classify(condition, ctx.file);
  if (role?.role !== 'check' || ctx.text(unwrap(role.target)) !== path) return undefined;
  return ifNode;
}

function inLoopWithin(node: PyNode, block: PyNode): boolean {
  for (let n = node.parent; n && n !== block; n = n.parent) {
    if (n.type === 'for_statement' || n.type === 'while_statement' || n.type.endsWith('comprehension') || n.type === 'generator_expression') return true;
  }
  return false;
}

/** An expression that is safe to write twice: names, attributes, Path(...) and `/` joins of those and literals. */
function pure(node: PyNode, ctx: PyContext): boolean {
  const n = unwrap(node);
  if (!n) return false;
  switch (n.type) {
    case 'identifier':
    case 'string':
    case 'integer':
      return true;
    case 'attribute':
      return pure(field(n, 'object')!, ctx);
    case 'binary_operator':
      return pure(field(n, 'left')!, ctx) && pure(field(n, 'right')!, ctx);
    case 'call': {
      const q = ctx.file.qualified(field(n, 'function'));
      return !!q && /^(pathlib\.(Pure)?(Posix)?Path|os\.path\.join)$/.test(q) && named(field(n, 'arguments')!).every((a) => pure(a, ctx));
    }
    default:
      return false;
  }
}


/** `return cls(name)`, `return Wrapper(x, name)`: the node is an argument of a call that is returned as it is. */
function returnedThroughCall(node: PyNode): boolean {
  let at: PyNode | null = node.parent;
  if (at?.type === 'keyword_argument') at = at.parent;
  if (at?.type !== 'argument_list') return false;
  const call = at.parent;
  let holder = call?.parent ?? null;
  while (holder?.type === 'parenthesized_expression') holder = holder.parent;
  return call?.type === 'call' && holder?.type === 'return_statement';
}

/**
 * Whether an escape takes the path where a caller gets it (returned, yielded, stored, exported), as
 * opposed to code that may keep it where nobody here can reach it (an unknown function, a program
 * left running).
 */
function reachesCaller(escape: Escape): boolean {
  if (escape.unknownCall) return returnedThroughCall(escape.node);
  return !/starts (a program|a thread) that may still use it/.test(escape.why);
}

/** `setUp()` (or setUpClass, asyncSetUp, pytest's setup_method) of a class: the test runs after it, and its tearDown undoes it. */
function testSetUp(unitNode: PyNode, ctx: PyContext): { setUp: string; tearDown: string } | undefined {
  if (unitNode.type !== 'function_definition' || !classOf(unitNode)) return undefined;
  const name = ctx.text(field(unitNode, 'name'));
  const tearDown = TEAR_DOWN.get(name);
  return tearDown ? { setUp: name, tearDown } : undefined;
}
const TEAR_DOWN = new Map([['setUp', 'tearDown'], ['setUpClass', 'tearDownClass'], ['asyncSetUp', 'asyncTearDown'], ['setup_method', 'teardown_method'], ['setup_class', 'teardown_class']]);
