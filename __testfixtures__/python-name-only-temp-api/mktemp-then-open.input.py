import os
import subprocess
import tempfile


def compile_c(src):
    name = tempfile.mktemp(".c", "prog-")
    with open(name, "w") as f:
        f.write(src)
    out = subprocess.run(["wc", "-c", name], capture_output=True, text=True, check=True).stdout
    if not src:
        raise ValueError("empty source")
    os.unlink(name)
    return int(out.split()[0])
