import os
import shutil
import tempfile


def snapshot_size(src):
    dest = os.path.join(tempfile.gettempdir(), "snapshot.txt")
    shutil.copyfile(src, dest)
    return os.path.getsize(dest)
