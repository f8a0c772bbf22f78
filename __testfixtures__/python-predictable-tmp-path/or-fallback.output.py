import os
import tempfile


def convert(data, out_dir=None):
    with tempfile.TemporaryDirectory(prefix="convert-out-") as private_dir:
        base = out_dir or private_dir
        dst = os.path.join(base, "convert-out.txt")
        with open(dst, "w") as g:
            g.write(data.upper())
        with open(dst) as g:
            return g.read()
