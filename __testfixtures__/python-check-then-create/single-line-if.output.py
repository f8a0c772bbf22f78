import os
import tempfile


def marker(text):
    with tempfile.TemporaryDirectory(prefix="marker-") as private_dir:
        path = os.path.join(private_dir, "marker-%d" % os.getpid())
        os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w").write(text)
        return open(path).read()
