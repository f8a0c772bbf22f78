import os
import tempfile


def in_memory(data, dest):
    path = "/dev/shm/frame.raw"
    with open(path, "wb") as f:
        f.write(data)
    os.link(path, dest)
    os.remove(path)


def from_gettempdir(data):
    path = os.path.join(tempfile.gettempdir(), "report.txt")
    with open(path, "wb") as f:
        f.write(data)
    with open(path, "rb") as f:
        return f.read()
