# Pattern 6: other ways to create a path: append, pathlib, shutil.copy (which looks at the destination
# with os.stat first), os.rename, os.mkdir.
import os
import pathlib
import shutil
import tempfile


def run():
    tmp = tempfile.gettempdir()
    log = os.path.join(tmp, "log.txt")
    with open(log, "a") as out:  # audit: insecure-creation
        out.write("line\n")
    pathlib.Path(tmp, "pathlib.txt").write_text("p")  # audit: insecure-creation
    shutil.copy(log, os.path.join(tmp, "copy.txt"))  # audit: insecure-creation, check-then-open
    os.rename(os.path.join(tmp, "copy.txt"), os.path.join(tmp, "renamed.txt"))  # audit: insecure-creation
    os.mkdir(os.path.join(tmp, "plain-dir"))  # audit: insecure-creation
    os.rmdir(os.path.join(tmp, "plain-dir"))
    for name in ("log.txt", "pathlib.txt", "renamed.txt"):
        os.unlink(os.path.join(tmp, name))
