import os
import tempfile


def checksum(data):
    fd, path = tempfile.mkstemp(); os.write(fd, data)
    os.close(fd)
    with open(path, "rb") as fh:
        total = sum(fh.read())
    os.remove(path)
    return total
