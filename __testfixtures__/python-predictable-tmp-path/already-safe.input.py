import os
import shutil
import tempfile


def build(files):
    work = tempfile.mkdtemp(prefix="build-")
    try:
        for name, text in files.items():
            with open(os.path.join(work, name), "w") as f:
                f.write(text)
        return sorted(os.listdir(work))
    finally:
        shutil.rmtree(work)


def scratch(data):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "data.txt")
        with open(path, "w") as f:
            f.write(data)
        return os.path.getsize(path)


def exclusive(data):
    fd = os.open(os.path.join(tempfile.gettempdir(), "x-%d" % os.getpid()), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, data)
    os.close(fd)
