import tempfile
from pathlib import Path


def stage(files):
    with tempfile.TemporaryDirectory(prefix="stage-", dir="/tmp") as private_dir:
        root = Path(private_dir, "stage")
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        for name, text in files.items():
            (root / name).touch(mode=0o600)
            (root / name).write_text(text)
        return sorted(p.name for p in root.iterdir())
