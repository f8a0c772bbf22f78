import os
import tempfile


def ensure_defaults(text):
    settings = os.path.join(tempfile.gettempdir(), "settings.json")
    if not os.path.isfile(settings):
        fd = os.open(settings, os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, text.encode())
        os.close(fd)
    with open(settings) as f:
        return f.read()
