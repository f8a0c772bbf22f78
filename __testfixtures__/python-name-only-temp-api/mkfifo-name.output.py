import os
import tempfile


def fifo_roundtrip():
    with tempfile.TemporaryDirectory() as private_dir:
        path = os.path.join(private_dir, "tmp")
        os.mkfifo(path, 0o600)
        kind = os.stat(path).st_mode
        os.remove(path)
    return kind
