import os
import subprocess
import tempfile


def sorted_copy(path):
    out = tempfile.mktemp(suffix=".txt")
    subprocess.check_call(["sort", "-o", out, path])
    with open(out) as f:
        return f.read()
