import os
import shutil
import subprocess
import tempfile


# A function tmpfix cannot see had the path first: it may have made the file.
def render(data, fill):
    with tempfile.TemporaryDirectory(prefix="render-") as private_dir:
        out = os.path.join(private_dir, "render.txt")
        fill(out, data)
        with os.fdopen(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write(data.upper())
        with open(out) as f:
            text = f.read()
        os.remove(out)
    return text


# A program was handed the directory: it may have made the file inside it.
def unpack(archive):
    with tempfile.TemporaryDirectory(prefix="unpack-") as private_dir_2:
        work = os.path.join(private_dir_2, "unpack")
        os.mkdir(work, 0o700)
        subprocess.check_call(["tar", "-xf", archive, "-C", work])
        with os.fdopen(os.open(os.path.join(work, "README"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
            f.write("replaced\n")
        with open(os.path.join(work, "README")) as f:
            text = f.read()
        shutil.rmtree(work)
    return text


# Nothing had the path before the write: it is created exclusively.
def stamp(data):
    with tempfile.TemporaryDirectory(prefix="stamp-") as private_dir_3:
        out = os.path.join(private_dir_3, "stamp.txt")
        with os.fdopen(os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as f:
            f.write(data)
        subprocess.check_call(["touch", out])
        with open(out) as f:
            return f.read()
