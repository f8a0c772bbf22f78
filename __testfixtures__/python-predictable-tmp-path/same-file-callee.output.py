import os
import tempfile


def write_text(path, text):
    with open(path, "w") as f:
        f.write(text)


def roundtrip(text):
    with tempfile.TemporaryDirectory(prefix="roundtrip-") as private_dir:
        path = os.path.join(private_dir, "roundtrip.txt")
        write_text(path, text)
        with open(path) as f:
            return f.read()
