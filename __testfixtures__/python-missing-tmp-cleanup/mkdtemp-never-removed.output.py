import os
import shutil
import tempfile


def listing(names):
    work = tempfile.mkdtemp(prefix="listing-")
    try:
        for name in names:
            with open(os.path.join(work, name), "w") as f:
                f.write(name)
        if not names:
            raise ValueError("nothing to list")
        return sorted(os.listdir(work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
