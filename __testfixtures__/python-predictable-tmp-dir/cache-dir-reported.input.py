import hashlib
import os
import tempfile


def model_dir(url):
    d = os.path.join(tempfile.gettempdir(), "models", hashlib.sha1(url.encode()).hexdigest())
    os.makedirs(d, exist_ok=True)
    return d


def cache_root():
    root = "/tmp/tool-cache"
    os.makedirs(root, exist_ok=True)
    return root
