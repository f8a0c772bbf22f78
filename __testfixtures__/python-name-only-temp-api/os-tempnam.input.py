import os


def scratch_name(data):
    name = os.tempnam("/var/tmp", "job")
    with open(name, "w") as f:
        f.write(data)
    return os.path.getsize(name)
