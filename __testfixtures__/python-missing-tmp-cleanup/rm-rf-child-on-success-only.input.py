import os
import subprocess
import tempfile


def listing(names):
    work = tempfile.mkdtemp(prefix="listing-")
    for name in names:
        with open(os.path.join(work, name), "w") as f:
            f.write(name)
    if not names:
        raise ValueError("nothing to list")
    found = sorted(os.listdir(work))
    subprocess.check_call(["rm", "-rf", work])
    return found
