import os
import tempfile


def crlf(data):
    path = os.path.join(tempfile.gettempdir(), "crlf.txt")
    with open(path, "w") as f:
        f.write(data)
    return open(path).read()
