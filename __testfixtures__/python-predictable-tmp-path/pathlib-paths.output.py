import os
import tempfile
from pathlib import Path


def save(text):
    with tempfile.TemporaryDirectory(prefix="notes-") as private_dir:
        target = Path(private_dir) / "notes.txt"
        target.touch(mode=0o600, exist_ok=False)
        target.write_text(text)
        return target.read_text()


def save_literal(text):
    with tempfile.TemporaryDirectory(prefix="x-", dir="/tmp") as private_dir_2:
        Path(private_dir_2, "x.txt").touch(mode=0o600, exist_ok=False)
        Path(private_dir_2, "x.txt").write_text(text)
        return Path(private_dir_2, "x.txt").read_text()


def save_open(data):
    with tempfile.TemporaryDirectory(prefix="blob-") as private_dir_3:
        target = Path(private_dir_3, "blob.bin")
        with os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
            f.write(data)
        return target.stat().st_size
