# Pattern 5: an owner-only mode without O_EXCL still follows a planted name.
import os
import tempfile


def run():
    name = os.path.join(tempfile.gettempdir(), "secret.txt")
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # audit: insecure-creation
    os.write(fd, b"token")
    os.close(fd)
    os.unlink(name)
