import os
import tempfile


def write_text(path, text):
    with open(path, "w") as f:
        f.write(text)


def roundtrip(text):
    path = os.path.join(tempfile.gettempdir(), "roundtrip.txt")
    write_text(path, text)
    with open(path) as f:
        return f.read()
