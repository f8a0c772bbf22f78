import os
import tempfile


def scratch_name(data):
    fd, name = tempfile.mkstemp(prefix="job", dir="/var/tmp")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(data)
        return os.path.getsize(name)
    finally:
        os.remove(name)
