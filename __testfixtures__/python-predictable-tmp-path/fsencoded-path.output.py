import os
import tempfile


def stash_cover(data, ext):
    with tempfile.TemporaryDirectory(prefix="cover-") as private_dir:
        target = os.fsencode(os.path.join(private_dir, "cover" + ext))
        with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
            out.write(data.encode())
        with open(target, "rb") as back:
            size = len(back.read())
        os.remove(target)
    return size
