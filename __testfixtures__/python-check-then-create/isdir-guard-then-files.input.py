import os
import tempfile


def stage(files):
    area = os.path.join(tempfile.gettempdir(), "stage-area")
    if not os.path.isdir(area):
        os.mkdir(area)
    for name, text in files.items():
        with open(os.path.join(area, name), "w") as f:
            f.write(text)
    return sorted(os.listdir(area))
