import os
import tempfile


def fifo_roundtrip():
    path = tempfile.mktemp()
    os.mkfifo(path)
    kind = os.stat(path).st_mode
    os.remove(path)
    return kind
