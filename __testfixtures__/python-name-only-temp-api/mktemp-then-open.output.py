import os
import subprocess
import tempfile


def compile_c(src):
    fd, name = tempfile.mkstemp(suffix=".c", prefix="prog-")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(src)
        out = subprocess.run(["wc", "-c", name], capture_output=True, text=True, check=True).stdout
        if not src:
            raise ValueError("empty source")
    finally:
        os.unlink(name)
    return int(out.split()[0])
