import os
import subprocess
import tempfile


def checksum(data):
    fd, path = tempfile.mkstemp(suffix=".bin")
    with os.fdopen(fd, "w") as f:
        f.write(data)
    return subprocess.check_output(["cksum", path], text=True).split()[0]
