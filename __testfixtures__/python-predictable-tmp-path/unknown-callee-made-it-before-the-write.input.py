import os
import shutil
import subprocess
import tempfile


# A function tmpfix cannot see had the path first: it may have made the file.
def render(data, fill):
    out = os.path.join(tempfile.gettempdir(), "render.txt")
    fill(out, data)
    with open(out, "w") as f:
        f.write(data.upper())
    with open(out) as f:
        text = f.read()
    os.remove(out)
    return text


# A program was handed the directory: it may have made the file inside it.
def unpack(archive):
    work = os.path.join(tempfile.gettempdir(), "unpack")
    os.mkdir(work)
    subprocess.check_call(["tar", "-xf", archive, "-C", work])
    with open(os.path.join(work, "README"), "w") as f:
        f.write("replaced\n")
    with open(os.path.join(work, "README")) as f:
        text = f.read()
    shutil.rmtree(work)
    return text


# Nothing had the path before the write: it is created exclusively.
def stamp(data):
    out = os.path.join(tempfile.gettempdir(), "stamp.txt")
    with open(out, "w") as f:
        f.write(data)
    subprocess.check_call(["touch", out])
    with open(out) as f:
        return f.read()
