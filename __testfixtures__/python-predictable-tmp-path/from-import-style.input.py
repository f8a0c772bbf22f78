from os.path import join
from tempfile import gettempdir


def stage(data):
    target = join(gettempdir(), "stage.bin")
    with open(target, "wb") as f:
        f.write(data)
    with open(target, "rb") as f:
        return f.read()
