import os
import tempfile


def stash_cover(data, ext):
    target = os.fsencode(os.path.join(tempfile.gettempdir(), "cover" + ext))
    with open(target, "wb") as out:
        out.write(data.encode())
    with open(target, "rb") as back:
        size = len(back.read())
    os.remove(target)
    return size
