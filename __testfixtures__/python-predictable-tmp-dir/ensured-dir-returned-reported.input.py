import os
import tempfile


def work_dir():
    d = os.path.join(tempfile.gettempdir(), "myapp-work")
    os.makedirs(d, exist_ok=True)
    return d
