import os
import tempfile


def spool(data):
    with tempfile.TemporaryDirectory(prefix="spool-") as private_dir:
        base = private_dir
        path = os.path.join(base, "spool.dat")
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        with open(path) as f:
            return f.read()
