import os
import tempfile


def crlf(data):
    with tempfile.TemporaryDirectory(prefix="crlf-") as private_dir:
        path = os.path.join(private_dir, "crlf.txt")
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        return open(path).read()
