import os
import shutil
import subprocess
import tempfile


def sorted_copy(path):
    private_dir = tempfile.mkdtemp()
    try:
        out = os.path.join(private_dir, "tmp.txt")
        subprocess.check_call(["sort", "-o", out, path])
        with open(out) as f:
            return f.read()
    finally:
        shutil.rmtree(private_dir, ignore_errors=True)
