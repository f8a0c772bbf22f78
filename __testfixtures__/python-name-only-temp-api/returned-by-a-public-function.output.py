import os
import tempfile


def new_temp_name():
    # API contract: a fresh path that does not exist yet; caller creates/removes the file
    return tempfile.mktemp()


class Paths:
    def scratch(self, suffix=""):
        name = tempfile.mktemp(suffix)
        return name


def _private_name():
    private_dir = tempfile.mkdtemp()
    return os.path.join(private_dir, "tmp.txt")


def use_private():
    name = _private_name()
    with open(name, "w") as f:
        f.write("x")
