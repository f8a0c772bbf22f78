import os
from tempfile import mktemp as make_name


def plot(fig):
    png = make_name(suffix=".png")
    fig.savefig(png)
    data = open(png, "rb").read()
    os.remove(png)
    return data
