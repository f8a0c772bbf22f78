import os
import subprocess
import tempfile


def sort_lines(lines):
    with tempfile.TemporaryDirectory(prefix="unsorted-") as private_dir:
        src = os.path.join(private_dir, "unsorted.txt")
        out = os.path.join(private_dir, "sorted.txt")
        with os.fdopen(os.open(src, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.check_call(["sort", "-o", out, src])
        with open(out) as f:
            return f.read().split()
