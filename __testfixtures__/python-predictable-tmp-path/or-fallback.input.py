import os
import tempfile


def convert(data, out_dir=None):
    base = out_dir or tempfile.gettempdir()
    dst = os.path.join(base, "convert-out.txt")
    with open(dst, "w") as g:
        g.write(data.upper())
    with open(dst) as g:
        return g.read()
