from pathlib import Path


def stage(files):
    root = Path("/tmp/stage")
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text)
    return sorted(p.name for p in root.iterdir())
