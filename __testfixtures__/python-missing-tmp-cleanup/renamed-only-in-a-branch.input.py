import os
import tempfile


# Removed on error, but renamed only when asked: otherwise it stays behind.
def export(name, text, keep):
    fd, tmp = tempfile.mkstemp(suffix=".part")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        if keep:
            os.replace(tmp, name)
    except Exception:
        os.unlink(tmp)
        raise
    return keep


# A return before the rename leaves it behind too.
def export_nonempty(name, text):
    fd, tmp = tempfile.mkstemp(suffix=".part")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        if not text:
            return None
        os.replace(tmp, name)
    except Exception:
        os.unlink(tmp)
        raise
    return name
