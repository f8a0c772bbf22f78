import tempfile
from pathlib import Path


def touch_once():
    with tempfile.TemporaryDirectory(prefix="first-run-") as private_dir:
        flag = Path(private_dir) / "first-run.flag"
        flag.touch(mode=0o600, exist_ok=False)
        return flag.stat().st_size
