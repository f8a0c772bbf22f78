import os
import shutil
import tempfile


def snapshot_size(src):
    with tempfile.TemporaryDirectory(prefix="snapshot-") as private_dir:
        dest = os.path.join(private_dir, "snapshot.txt")
        shutil.copyfile(src, dest)
        return os.path.getsize(dest)
