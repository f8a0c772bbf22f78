import os
import tempfile


def append_all(lines):
    with tempfile.TemporaryDirectory(prefix="collected-") as private_dir:
        path = os.path.join(private_dir, "collected-%d.txt" % os.getpid())
        for line in lines:
            if not os.path.exists(path):
                with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
                    f.write("header\n")
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a") as f:
                f.write(line + "\n")
        return open(path).read()
