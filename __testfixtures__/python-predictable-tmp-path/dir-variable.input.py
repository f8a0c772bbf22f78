import os
import tempfile


def convert(data):
    tmp = tempfile.gettempdir()
    src = os.path.join(tmp, "convert-in.txt")
    with open(src, "w") as f:
        f.write(data)
    dst = os.path.join(tmp, "convert-out.txt")
    with open(src) as f, open(dst, "w") as g:
        g.write(f.read().upper())
    with open(dst) as g:
        return g.read()
