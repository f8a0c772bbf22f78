# The Python recorder of `tmpfix audit`. The parent puts this directory first on PYTHONPATH, so every
# Python process of the audited command imports it at start-up. It installs an audit hook (PEP 578):
# the `open`, `os.mkdir` and `os.rename` events carry the path and the flags. Existence checks raise
# no event, so os.stat, os.lstat and os.access get thin wrappers. An event comes before its call,
# so a creation is held until the thread's next event (or exit) and recorded only if the call
# succeeded: the name is there now, and for mkdir and O_EXCL it was not before. What the program
# creates in a shared temp directory is written, atomically, into the private directory the parent named. Then
# the sitecustomize that this one shadows (a virtualenv's, the distribution's) runs as before.
import os
import sys


def _install():
    records_dir = os.environ.get("TMPFIX_AUDIT_DIR")
    if not records_dir or not hasattr(sys, "addaudithook"):
        return
    import time

    started = time.perf_counter()
    import _thread
    import atexit
    import json

    project = os.path.join(os.environ.get("TMPFIX_AUDIT_PROJECT") or os.getcwd(), "")
    names = [d for d in os.environ.get("TMPFIX_AUDIT_ROOTS", "").split(os.pathsep) if d]
    for var in ("TMPDIR", "TEMP", "TMP"):
        if os.environ.get(var):
            names.append(os.environ[var])
    roots = sorted({os.path.abspath(d) for d in names if os.path.isabs(d)} - {"/"}, key=len, reverse=True)
    here = os.path.abspath(__file__)
    uid = os.getuid() if hasattr(os, "getuid") else -1
    real_lstat = os.lstat
    real_stat = os.stat
    real_open = os.open
    real_write = os.write
    real_close = os.close
    real_replace = os.replace

    umask = 0o022
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("Umask:"):
                    umask = int(line.split()[1], 8)
    except OSError:
        pass

    O_ACCMODE = 3
    WRITE_BITS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    O_TMPFILE = getattr(os, "O_TMPFILE", 0)
    FLAG_NAMES = [(n, getattr(os, n)) for n in ("O_CREAT", "O_EXCL", "O_TRUNC", "O_APPEND", "O_NOFOLLOW", "O_SYNC", "O_DIRECTORY") if hasattr(os, n)]

    state = {"events": {}, "changed": set(), "last_check": {}, "private": set(), "overhead": 0.0, "last_flush": 0.0, "fd": None}
    busy = set()
    out_file = os.path.join(records_dir, "python-%d.jsonl" % os.getpid())

    def absolute(target):
        if isinstance(target, bytes):
            target = os.fsdecode(target)
        elif not isinstance(target, str):
            target = getattr(target, "__fspath__", None) and target.__fspath__()
            if isinstance(target, bytes):
                target = os.fsdecode(target)
            if not isinstance(target, str):
                return None
        if not target:
            return None
        return target if target.startswith("/") else os.path.abspath(target)

    def may_be_shared(path):
        for root in roots:
            if path.startswith(root) and path[len(root):len(root) + 1] == "/":
                return True
        return False

    def is_private(top):
        if top in state["private"]:
            return True
        try:
            st = real_lstat(top)
        except OSError:
            return False
        import stat as stat_module
        owned = stat_module.S_ISDIR(st.st_mode) and (uid == -1 or st.st_uid == uid) and not (st.st_mode & 0o077)
        if owned:
            state["private"].add(top)
        return owned

    def classify(path):
        """(top, direct) for a path in a shared directory, or None (elsewhere, or in a private directory)."""
        if not may_be_shared(path):
            return None
        path = os.path.normpath(path)
        for root in roots:
            if not (path.startswith(root) and path[len(root):len(root) + 1] == "/"):
                continue
            rest = path[len(root) + 1:].rstrip("/")
            if not rest:
                return None
            if "/" not in rest:
                return (root + "/" + rest, True)
            top = root + "/" + rest.split("/", 1)[0]
            return None if is_private(top) else (top, False)
        return None

    made_tops = set()
    real_roots = {}
    before_run = []

    def trusted(owner):
        return uid == -1 or owner == uid or owner == 0

    def open_dir(directory):
        """Writable by group or others, or another user's (see shared-dirs.ts); unreadable counts as open."""
        import stat as stat_module
        try:
            st = real_lstat(directory)
            if stat_module.S_ISLNK(st.st_mode):
                if not trusted(st.st_uid):
                    return True
                st = real_stat(directory)
        except OSError:
            return True
        return bool(st.st_mode & 0o022) or not trusted(st.st_uid)

    def made_during_run(top):
        if top in made_tops:
            return True
        if not before_run:
            try:
                with open(os.path.join(records_dir, "before.json")) as snapshot:
                    before_run.append({entry: inode for entry, inode in json.load(snapshot)})
            except (OSError, ValueError):
                before_run.append(None)
        before = before_run[0]
        if before is None:
            return True
        root = os.path.dirname(top)
        if root not in real_roots:
            real_roots[root] = os.path.realpath(root)
        inode = before.get(real_roots[root] + top[len(root):])
        if inode is None:
            return True
        try:
            return real_lstat(top).st_ino != inode
        except OSError:
            return True

    def exposure(path, place):
        """direct, open-dir or own-dir, or None for a private place (see Exposure in types.ts)."""
        top, direct = place
        if direct:
            return "direct"
        directory = os.path.dirname(os.path.normpath(path))
        while len(directory) >= len(top):
            if open_dir(directory):
                return "open-dir"
            if directory == top:
                break
            directory = os.path.dirname(directory)
        return "own-dir" if made_during_run(top) else None

    def position(frame):
        line = frame.f_lineno
        column = 1
        positions = getattr(frame.f_code, "co_positions", None)
        if positions is not None and frame.f_lasti >= 0:
            import itertools
            for pos in itertools.islice(positions(), frame.f_lasti // 2, frame.f_lasti // 2 + 1):
                if pos[0] is not None:
                    line = pos[0]
                if pos[2] is not None:
                    column = pos[2] + 1
        return line, column

    def where():
        frame = sys._getframe(2)
        fallback = None
        while frame is not None:
            name = frame.f_code.co_filename
            if name != here and name.startswith("/"):
                in_site = "/site-packages/" in name or "/dist-packages/" in name or "/node_modules/" in name
                if name.startswith(project) and not in_site:
                    line, column = position(frame)
                    return {"file": name, "line": line, "column": column}, True
                if fallback is None and not in_site and not name.startswith(sys.base_prefix) and not name.startswith(sys.prefix):
                    line, column = position(frame)
                    fallback = {"file": name, "line": line, "column": column}
            frame = frame.f_back
        return fallback, False

    def flag_names(flags):
        access = flags & O_ACCMODE
        names = ["O_WRONLY" if access == os.O_WRONLY else "O_RDWR" if access == os.O_RDWR else "O_RDONLY"]
        names += [n for n, bit in FLAG_NAMES if flags & bit == bit]
        return names

    def flush(at_exit=False):
        """Appends the events that changed (and the process line): one write per call, O_APPEND."""
        state["last_flush"] = time.monotonic()
        lines = []
        if state["fd"] is None or at_exit:
            process = {
                "version": 1,
                "runtime": "python",
                "pid": os.getpid(),
                "argv": [sys.executable] + list(getattr(sys, "argv", [])),
                "overheadMs": state["overhead"] * 1000,
            }
            lines.append({"process": process})
        for key in state["changed"]:
            lines.append({"key": key, "event": state["events"][key]})
        state["changed"].clear()
        try:
            if state["fd"] is None:
                state["fd"] = real_open(out_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            real_write(state["fd"], "".join(json.dumps(line) + "\n" for line in lines).encode())
        except OSError:
            pass

    def add(kind, call, flags, exclusive, mode, directory, path, top, check=None, made=False, at=None, place_exposure=None):
        frame, in_project = at if at is not None else where()
        key = "\0".join(map(str, (kind, call, frame and (frame["file"], frame["line"], frame["column"]), exclusive, mode, place_exposure)))
        event = state["events"].get(key)
        if event is None:
            if len(state["events"]) >= 2000:
                return
            event = {
                "kind": kind, "call": call, "flags": flags, "exclusive": exclusive, "mode": mode,
                "directory": directory, "frame": frame, "inProject": in_project, "count": 0, "paths": [], "tops": [],
            }
            if check is not None:
                event["check"] = check
            if place_exposure is not None:
                event["exposure"] = place_exposure
            state["events"][key] = event
            state["last_flush"] = 0.0
        event["count"] += 1
        if len(event["paths"]) < 5 and path not in event["paths"]:
            event["paths"].append(path)
        if len(event["tops"]) < 1000 and top not in event["tops"]:
            event["tops"].append(top)
        if made:
            # the same clock as the Node recorder's (CLOCK_MONOTONIC, microseconds): the last maker of a name wins
            made_at = event.setdefault("madeAt", {})
            if top in made_at or len(made_at) < 1000:
                made_at[top] = time.monotonic_ns() // 1000
        state["changed"].add(key)
        if time.monotonic() - state["last_flush"] >= 0.5:
            flush()

    def lstat_or_none(path):
        try:
            return real_lstat(path)
        except OSError:
            return None

    # Creations whose call has not returned yet: settled by the same thread's next event, or at exit.
    creations = []

    def created(call, target, flags, exclusive, mode, directory, opens, source=None):
        path = absolute(target)
        if path is None or not may_be_shared(path):
            return
        place = classify(path)
        # A private place (a project checked out under /tmp) costs no stack: its directories are there.
        if place is None or (not place[1] and exposure(path, place) is None):
            return
        # A name made anew (it was not there; a rename always puts a new entry there) is not the
        # private directory that may have had it before.
        made = place[1] and (call == "os.rename" or not exists(place[0]))
        if made:
            state["private"].discard(place[0])
        checked = state["last_check"].get(path)
        at = where()
        source_stat = lstat_or_none(source) if source is not None else None
        creations.append({
            "thread": _thread.get_ident(), "call": call, "path": path, "place": place, "flags": flags, "exclusive": exclusive,
            "mode": mode, "directory": directory, "made": made, "at": at, "before": lstat_or_none(path) is not None,
            "source_ino": source_stat.st_ino if source_stat is not None else None,
            "checked": checked if checked is not None and opens and not exclusive and just_before(checked, at) else None,
        })

    def succeeded(creation, now):
        """Whether the call did what it was asked, judged by the name now (EEXIST and ENOENT made nothing)."""
        import stat as stat_module
        if now is None:
            return False
        if creation["call"] == "os.rename":
            return creation["source_ino"] is not None and now.st_ino == creation["source_ino"]
        if creation["directory"]:
            return not creation["before"] and stat_module.S_ISDIR(now.st_mode)
        if creation["exclusive"] and creation["before"]:
            return False
        return not stat_module.S_ISDIR(now.st_mode)

    def settle_creations(every_thread=False):
        ident = _thread.get_ident()
        waiting = []
        for creation in creations:
            if not every_thread and creation["thread"] != ident:
                waiting.append(creation)
                continue
            path = creation["path"]
            now = lstat_or_none(path)
            if not succeeded(creation, now):
                continue
            mode = creation["mode"]
            if mode is None and creation["call"] == "os.open":
                mode = now.st_mode & 0o7777  # os.open's mode is not in the event: the file has it
            top = creation["place"][0]
            state["last_check"].pop(path, None)
            if creation["made"]:
                made_tops.add(top)
            # Looked at now that the call is done: the directories os.makedirs made are there.
            place_exposure = exposure(path, creation["place"])
            if place_exposure is None:
                continue
            args = (creation["call"], creation["flags"], creation["exclusive"], mode, creation["directory"], path, top)
            add("create", *args, made=creation["made"], at=creation["at"], place_exposure=place_exposure)
            checked = creation["checked"]
            if checked is not None:
                add("check-then-open", *args, check={"call": checked["call"], "frame": checked["frame"]}, at=creation["at"], place_exposure=place_exposure)
        creations[:] = waiting

    def settle(every_thread=False):
        """settle_creations, guarded: never twice at once in a thread (its own writes raise events), never raising."""
        ident = _thread.get_ident()
        if ident in busy:
            return
        busy.add(ident)
        began = time.perf_counter()
        try:
            settle_creations(every_thread)
        except Exception:
            pass
        finally:
            state["overhead"] += time.perf_counter() - began
            busy.discard(ident)

    def exists(path):
        try:
            real_lstat(path)
            return True
        except FileNotFoundError:
            return False
        except OSError:
            return True

    def forget(target):
        """A path removed or renamed away: its check is stale, and a top removed is no longer private."""
        path = absolute(target)
        if path is not None and may_be_shared(path):
            state["last_check"].pop(path, None)
            state["private"].discard(os.path.normpath(path))

    def just_before(checked, at):
        """A recent check, not from another file of the project than the open (see the Node recorder)."""
        if time.monotonic() - checked["at"] > 2.0:
            return False
        frame, in_project = at
        other = checked["in_project"] and in_project and checked["frame"] and frame and checked["frame"]["file"] != frame["file"]
        return not other

    def hook(event, args):
        if event == "open":
            if len(args) < 3 or not isinstance(args[2], int):
                return
            flags = args[2]
            if not flags & WRITE_BITS or (O_TMPFILE and flags & O_TMPFILE == O_TMPFILE):
                return
            call = "open" if args[1] is not None else "os.open"
        elif event == "os.mkdir":
            call = event
        elif event == "os.rename":
            call = event
        elif event == "os.remove" or event == "os.rmdir":
            if not isinstance(args[0], int) and (state["last_check"] or state["private"]):
                forget(args[0])
            return
        elif event == "subprocess.Popen":
            env = args[3] if len(args) > 3 else None
            if isinstance(env, dict) and "TMPFIX_AUDIT_DIR" not in env:
                for name in ("TMPFIX_AUDIT_DIR", "TMPFIX_AUDIT_PROJECT", "TMPFIX_AUDIT_ROOTS", "TMPFIX_AUDIT_PRELOAD", "TMPFIX_AUDIT_PYTHONPATH"):
                    if name in os.environ:
                        env[name] = os.environ[name]
                ours = os.environ.get("TMPFIX_AUDIT_PYTHONPATH")
                if ours:
                    env["PYTHONPATH"] = os.pathsep.join([ours] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
                preload = os.environ.get("TMPFIX_AUDIT_PRELOAD")
                if preload and preload not in env.get("NODE_OPTIONS", ""):
                    env["NODE_OPTIONS"] = ("--require %s %s" % (json.dumps(preload), env.get("NODE_OPTIONS", ""))).strip()
            return
        else:
            return
        ident = _thread.get_ident()
        if ident in busy:
            return
        busy.add(ident)
        began = time.perf_counter()
        try:
            if event == "open":
                mode_arg = args[1]
                exclusive = bool(flags & os.O_CREAT and flags & os.O_EXCL)
                # open() creates with 0o666; os.open's mode is not in the event: read back once it is done.
                mode = (0o666 & ~umask) if mode_arg is not None else None
                created(call, args[0], flag_names(flags), exclusive, mode, False, True)
            elif event == "os.mkdir":
                mode = args[1] if len(args) > 1 and isinstance(args[1], int) else 0o777
                created(call, args[0], ["mkdir"], True, mode & 0o7777 & ~umask, True, False)
            else:
                if not isinstance(args[0], int):
                    forget(args[0])
                created(call, args[1], ["rename"], False, None, False, True, source=None if isinstance(args[0], int) else absolute(args[0]))
        except Exception:
            pass
        finally:
            state["overhead"] += time.perf_counter() - began
            busy.discard(ident)

    def checked(name, original):
        def wrapper(path, *args, **kwargs):
            if creations:
                settle()
            target = absolute(path) if not isinstance(path, int) else None
            if target is not None and may_be_shared(target):
                began = time.perf_counter()
                try:
                    place = classify(target)
                    # Only where another user can create names does a check before an open matter.
                    if place is not None and exposure(target, place) in ("direct", "open-dir"):
                        frame, in_project = where()
                        state["last_check"][target] = {"call": name, "frame": frame, "in_project": in_project, "at": time.monotonic()}
                except Exception:
                    pass
                state["overhead"] += time.perf_counter() - began
            return original(path, *args, **kwargs)

        wrapper.__name__ = original.__name__
        wrapper.__qualname__ = getattr(original, "__qualname__", original.__name__)
        wrapper.__doc__ = original.__doc__
        wrapper.__wrapped__ = original
        return wrapper

    for name in ("stat", "lstat", "access"):
        original = getattr(os, name)
        replacement = checked("os." + name, original)
        setattr(os, name, replacement)
        # shutil and others ask these sets whether a function takes dir_fd / follow_symlinks.
        for support in ("supports_dir_fd", "supports_fd", "supports_follow_symlinks", "supports_effective_ids"):
            group = getattr(os, support, None)
            if isinstance(group, set) and original in group:
                group.add(replacement)

    def at_exit():
        settle(every_thread=True)
        flush(at_exit=True)

    def hook_and_settle(event, args):
        if creations:
            settle()
        hook(event, args)

    sys.addaudithook(hook_and_settle)
    atexit.register(at_exit)
    state["overhead"] += time.perf_counter() - started


def _chain():
    """Runs the sitecustomize this file shadows, as Python would have without it."""
    here = os.path.dirname(os.path.abspath(__file__))
    import importlib.machinery
    import importlib.util
    entries = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", entries)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules["sitecustomize"] = module
    spec.loader.exec_module(module)


try:
    _install()
except Exception:
    pass  # the recorder must never stop the program; without it the command runs unaudited
_chain()
