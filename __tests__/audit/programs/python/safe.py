# Safe code: nothing here may be recorded, and nothing is left behind.
import os
import shutil
import tempfile


def run():
    with tempfile.TemporaryFile() as anonymous:
        anonymous.write(b"a")
    with tempfile.NamedTemporaryFile() as named:
        named.write(b"n")
    fd, name = tempfile.mkstemp(suffix=".txt")
    os.write(fd, b"m")
    os.close(fd)
    os.unlink(name)
    private = tempfile.mkdtemp()
    with open(os.path.join(private, "inside.txt"), "w") as out:
        out.write("private")
    os.makedirs(os.path.join(private, "nested", "deeper"), exist_ok=True)
    shutil.rmtree(private)
    with tempfile.TemporaryDirectory() as scratch:
        open(os.path.join(scratch, "a.txt"), "w").close()
    exclusive = os.path.join(tempfile.gettempdir(), "exclusive-%d" % os.getpid())
    fd = os.open(exclusive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.unlink(exclusive)
