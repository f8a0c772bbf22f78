import os
import shutil
import tempfile


# Moved into place on success, left behind when the write fails: the finally must not fail on
# success, when the file is gone already.
def publish(name, text):
    fd, tmp = tempfile.mkstemp(suffix=".part")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        shutil.move(tmp, name)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    with open(name) as f:
        return f.read()
