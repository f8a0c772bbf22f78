# Pattern 8: a fixed directory under tmp.
import os
import shutil
import tempfile


def run():
    path = os.path.join(tempfile.gettempdir(), "myapp")
    os.makedirs(path, exist_ok=True)  # audit: insecure-creation
    shutil.rmtree(path)
