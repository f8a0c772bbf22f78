# Pattern 15: a loop over directories, and a callee that creates its parameter.
import os
import tempfile


def save(path):
    with open(path, "w") as out:  # audit: insecure-creation
        out.write("saved")


def run():
    made = []
    for base in (tempfile.gettempdir(), "/var/tmp"):
        name = os.path.join(base, "indirect-%d.txt" % os.getpid())
        open(name, "w").close()  # audit: insecure-creation x2
        made.append(name)
    save(os.path.join(tempfile.gettempdir(), "callee.txt"))
    made.append(os.path.join(tempfile.gettempdir(), "callee.txt"))
    for name in made:
        os.unlink(name)
