import tempfile
from pathlib import Path


def thumbs_dir(kind):
    # one parent for every caller and every run
    return Path(tempfile.gettempdir()) / "photoapp-thumbs" / kind


def new_thumb(kind, suffix=".jpg"):
    folder = thumbs_dir(kind)
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, suffix=suffix)
    return fd, name
