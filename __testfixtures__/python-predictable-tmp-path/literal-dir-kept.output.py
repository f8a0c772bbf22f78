import os
import tempfile


def in_memory(data, dest):
    with tempfile.TemporaryDirectory(prefix="frame-", dir="/dev/shm") as private_dir:
        path = os.path.join(private_dir, "frame.raw")
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(data)
        os.link(path, dest)
        os.remove(path)


def from_gettempdir(data):
    with tempfile.TemporaryDirectory(prefix="report-") as private_dir_2:
        path = os.path.join(private_dir_2, "report.txt")
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(data)
        with open(path, "rb") as f:
            return f.read()
