import tempfile
from pathlib import Path


def save(text):
    target = Path(tempfile.gettempdir()) / "notes.txt"
    target.write_text(text)
    return target.read_text()


def save_literal(text):
    Path("/tmp/x.txt").write_text(text)
    return Path("/tmp/x.txt").read_text()


def save_open(data):
    target = Path(tempfile.gettempdir(), "blob.bin")
    with target.open("wb") as f:
        f.write(data)
    return target.stat().st_size
