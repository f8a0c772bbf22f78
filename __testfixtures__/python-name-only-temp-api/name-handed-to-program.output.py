import os
import subprocess
import tempfile


def sorted_copy(path):
    with tempfile.TemporaryDirectory() as private_dir:
        out = os.path.join(private_dir, "tmp.txt")
        subprocess.check_call(["sort", "-o", out, path])
        with open(out) as f:
            return f.read()
