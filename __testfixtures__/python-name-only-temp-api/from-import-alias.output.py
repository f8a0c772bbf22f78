import os
from tempfile import TemporaryDirectory


def plot(fig):
    with TemporaryDirectory() as private_dir:
        png = os.path.join(private_dir, "tmp.png")
        fig.savefig(png)
        data = open(png, "rb").read()
        os.remove(png)
    return data
