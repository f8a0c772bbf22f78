export const USAGE = `Usage: tmpfix [options] [paths...]
       tmpfix explain RULE
       tmpfix audit [options] -- COMMAND [ARGS...]   (see tmpfix audit --help)

Finds insecure temporary-file code in JavaScript, TypeScript and Python and rewrites it.
Paths are files or directories (default: .). Without --write nothing is written:
the changes are printed as a unified diff that \`git apply\` accepts. Each finding, fixed
or to review, gets one line on stderr (path:line:col rule summary), and so does a tmp
package older than 0.2.7 (outdated-tmp-package, at its package.json).

Modes:
  --write               apply the changes (refused unless git says every file to change is
                        committed and unmodified; outside git, written with a note)
  --allow-dirty         with --write: write even over uncommitted changes, without asking git
  --check               write nothing; exit 1 when a file would change or a finding needs review
  --patch FILE          also write the combined diff to FILE, put in place when the run ends
                        (refused when FILE is tracked by git, a source file of the run, or
                        anything but a regular file of your own; /dev/stdout and /dev/null work)

Alerts:
  --from-sarif FILE     fix exactly what a scanner flagged (CodeQL, SonarJS, Semgrep, Bandit, Ruff
                        SARIF; repeatable): only the flagged files and lines, and a verdict for
                        each alert (fixed, reported with the reason, or not found)
  --from-audit FILE     run on the files a tmpfix audit json report has records in and their
                        callers' files (the paths default to them); each record is an alert at
                        its line, answered like a scanner's, with the callers it came through

Output:
  --format FORMAT       text (default), json or sarif; json and sarif go to stdout
  --inspect             explain for every file why it was skipped, left alone or changed,
                        its target and why, and each finding's full message

Rules and targets:
  --rules ID,ID         run only these rules
  --list-rules          list the rules and exit
  --target TARGET       auto (default), node, node24 or tmp: the shape of the rewrites. auto
                        decides per file from the nearest package.json: tmp or tmp-promise in
                        dependencies gives tmp; an engines.node floor of 24.4 or more gives
                        node24, except for TypeScript whose typescript is below 5.2 or whose
                        @types/node is below 24.10.7 (node, with the reason); else node.
                        A target named is used as named, with a warning where the package's
                        versions cannot take it
  --python auto|2|3     Python rewrites: auto (default) writes them for 2.7 and 3 (mkdtemp() in
                        try/finally) where the nearest setup.py, setup.cfg, pyproject.toml or
                        tox.ini declares Python 2 (python_requires, a classifier, a py27 tox
                        env), else with TemporaryDirectory(); 2 or 3 for every Python file
                        (a file in Python 2 syntax always gets the 2.7 form)

Files (.js .jsx .mjs .cjs .ts .tsx .mts .cts, and Python's .py .pyw):
  --include GLOB        only files matching GLOB (.gitignore syntax, repeatable)
  --exclude GLOB        leave out files matching GLOB (.gitignore syntax, repeatable)
  --no-ignore           do not apply .gitignore and .git/info/exclude
  --with-node-modules   read node_modules too, walked or named (a monorepo that keeps its
                        own sources there, such as packages/node_modules)
  --shard K/N           only the K-th of N deterministic slices of the files (for CI matrices)
  --jobs N              threads for parsing, this one included; helpers start once enough
                        source waits for a parse (default: 1 on 2 cores or fewer, else cores - 1)
  --cache               reuse what the last run made of each file whose text, imported
                        modules and tmpfix build are the same (kept in $XDG_CACHE_HOME/tmpfix,
                        else ~/.cache/tmpfix, owner-only)

  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 done (nothing to do for --check), 1 --check found work,
2 usage error, refused write, or files that could not be processed or read,
3 stdout was closed early (e.g. piped into head): the run stopped there.
`;

export const AUDIT_USAGE = `Usage: tmpfix audit [options] -- COMMAND [ARGS...]

Runs COMMAND (for example npm test) and records what it does in the shared temp directories
($TMPDIR, /tmp, /var/tmp, /dev/shm): files and directories created without O_EXCL or with
permission bits for group or others, paths opened right after an existence check, and what was
left behind. Node processes are recorded through NODE_OPTIONS=--require, Python processes through
a sitecustomize on PYTHONPATH; child processes are covered. Each record gives its source line and
whether tmpfix's static run finds the same place (fixed, reported, or not seen).

The command's stdin, stdout and stderr are its own; tmpfix audit exits with its exit code
(128 + the signal's number when a signal ended it, 127 when it cannot be found).

Options:
  --format FORMAT       json (default), sarif or text: the report written to the --output file
  --output FILE         where the report goes (default: audit.json, audit.sarif for sarif;
                        none for text). A person's summary always goes to stderr.
  --strace              also trace every child's system calls with strace (Linux): programs of
                        any language are recorded, without a source line
  -h, --help            show this help

Then: tmpfix --from-audit audit.json rewrites the recorded places.
`;
