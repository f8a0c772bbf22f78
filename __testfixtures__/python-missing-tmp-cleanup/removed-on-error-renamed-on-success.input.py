import os
import pathlib
import shutil
import tempfile


# Removed on the error path, renamed into place on success: every way out cleans up already.
def write_atomically(dest, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dest))
    try:
        with os.fdopen(fd, "w") as f:
            f.write(data)
        os.rename(tmp, dest)
    except Exception:
        os.unlink(tmp)
        raise


def replace_bare_except(dest, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dest), suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, dest)
    except:
        os.remove(tmp)
        raise


def move_base_exception(dest, data):
    fd, tmp = tempfile.mkstemp()
    try:
        with os.fdopen(fd, "w") as f:
            f.write(data)
        shutil.move(tmp, dest)
    except BaseException:
        os.remove(tmp)
        raise


def pathlib_rename(dest, data):
    f = tempfile.NamedTemporaryFile("w", delete=False, dir=os.path.dirname(dest))
    try:
        f.write(data)
        f.close()
        pathlib.Path(f.name).rename(dest)
    except Exception:
        os.unlink(f.name)
        raise


# A bare except that swallows the error still removes the file on the way out.
def best_effort(dest, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(dest))
    try:
        with os.fdopen(fd, "w") as f:
            f.write(data)
        os.replace(tmp, dest)
    except:
        os.unlink(tmp)
        return False
    return True
