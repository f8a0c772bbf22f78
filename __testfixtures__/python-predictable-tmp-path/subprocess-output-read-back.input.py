import os
import subprocess
import tempfile


def sort_lines(lines):
    src = os.path.join(tempfile.gettempdir(), "unsorted.txt")
    out = os.path.join(tempfile.gettempdir(), "sorted.txt")
    with open(src, "w") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.check_call(["sort", "-o", out, src])
    with open(out) as f:
        return f.read().split()
