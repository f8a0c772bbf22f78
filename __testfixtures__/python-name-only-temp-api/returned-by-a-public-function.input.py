import tempfile


def new_temp_name():
    # API contract: a fresh path that does not exist yet; caller creates/removes the file
    return tempfile.mktemp()


class Paths:
    def scratch(self, suffix=""):
        name = tempfile.mktemp(suffix)
        return name


def _private_name():
    return tempfile.mktemp(".txt")


def use_private():
    name = _private_name()
    with open(name, "w") as f:
        f.write("x")
