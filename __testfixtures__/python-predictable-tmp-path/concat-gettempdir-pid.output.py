import os
import tempfile


def save_settings(settings):
    with tempfile.TemporaryDirectory(prefix="settings-") as private_dir:
        path = private_dir + "/settings-%d.json" % os.getpid()
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(repr(settings))
        with open(path) as f:
            return f.read()
