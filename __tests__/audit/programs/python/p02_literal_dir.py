# Pattern 2: the literal shared directory.
import os


def run():
    name = "/tmp/audit-py-%d.txt" % os.getpid()
    with open(name, "w") as out:  # audit: insecure-creation
        out.write("a")
    os.unlink(name)
