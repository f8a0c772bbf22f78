import os
import tempfile


def percent(data, pid):
    with tempfile.TemporaryDirectory(prefix="render-", dir="/tmp") as private_dir:
        out = os.path.join(private_dir, "render-%d.txt" % pid)
        with os.fdopen(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        with open(out) as f:
            return f.read()


def fstring(data):
    with tempfile.TemporaryDirectory(prefix="render-", dir="/tmp") as private_dir_2:
        out = f"{private_dir_2}/render-{os.getpid()}.txt"
        with os.fdopen(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        return open(out).read()


def concatenated(data, name):
    with tempfile.TemporaryDirectory(dir="/tmp") as private_dir_3:
        out = os.path.join(private_dir_3, name + ".txt")
        os.fdopen(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w").write(data)
        return open(out).read()


def formatted(data):
    with tempfile.TemporaryDirectory(dir="/tmp") as private_dir_4:
        out = os.path.join(private_dir_4, "{}.out".format(os.getpid()))
        with os.fdopen(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        return os.path.getsize(out)
