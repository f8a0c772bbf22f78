import os
import tempfile


def convert(data, transform):
    fd, path = tempfile.mkstemp()
    try:
        with os.fdopen(fd, "w") as f:
            f.write(transform(data))
    except Exception:
        os.remove(path)
        raise
    size = os.path.getsize(path)
    os.remove(path)
    return size
