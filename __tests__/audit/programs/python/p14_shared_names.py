# Pattern 14: a lock file taken with "x" is exclusive, but its default mode lets others read it.
import os
import tempfile


def run():
    lock = os.path.join(tempfile.gettempdir(), "app.lock")
    with open(lock, "x") as out:  # audit: insecure-creation
        out.write(str(os.getpid()))
    os.unlink(lock)
