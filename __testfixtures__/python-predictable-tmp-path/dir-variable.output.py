import os
import tempfile


def convert(data):
    with tempfile.TemporaryDirectory(prefix="convert-in-") as private_dir:
        tmp = private_dir
        src = os.path.join(tmp, "convert-in.txt")
        with os.fdopen(os.open(src, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        dst = os.path.join(tmp, "convert-out.txt")
        with open(src) as f, os.fdopen(os.open(dst, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as g:
            g.write(f.read().upper())
        with open(dst) as g:
            return g.read()
