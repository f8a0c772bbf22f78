import os
import tempfile


def append_all(lines):
    path = os.path.join(tempfile.gettempdir(), "collected-%d.txt" % os.getpid())
    for line in lines:
        if not os.path.exists(path):
            with open(path, "w") as f:
                f.write("header\n")
        with open(path, "a") as f:
            f.write(line + "\n")
    return open(path).read()
