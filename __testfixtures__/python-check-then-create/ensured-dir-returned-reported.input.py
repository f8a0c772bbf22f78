import os
import tempfile


def work_dir():
    d = os.path.join(tempfile.gettempdir(), "myapp-work")
    if not os.path.isdir(d):
        os.mkdir(d)
    return d
