# A stray ';' at the end of a line (before a comment or nothing) ends the statement; it starts no other.
import os
import tempfile


def checksum(data):
    fd, path = tempfile.mkstemp(); # scratch copy
    os.write(fd, data);
    os.close(fd)
    with open(path, "rb") as fh:
        total = sum(fh.read())
    os.remove(path);
    return total
