import os
import tempfile


def reserve():
    fd, path = tempfile.mkstemp()
    os.close(fd)
