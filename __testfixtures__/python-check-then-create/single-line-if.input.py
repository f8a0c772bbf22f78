import os
import tempfile


def marker(text):
    path = os.path.join(tempfile.gettempdir(), "marker-%d" % os.getpid())
    if not os.path.exists(path): open(path, "w").write(text)
    return open(path).read()
