import os
import tempfile


def shared_dir():
    return os.path.join(tempfile.gettempdir(), "app-simulate")


class Step:
    # Every step appends to one file under shared_dir(); a check reads it back by the same name.
    def run(self, line):
        fn = os.path.join(shared_dir(), "steps.log")
        try:
            os.makedirs(os.path.dirname(fn))
        except OSError:
            pass
        with open(fn, "a") as f:
            f.write(line + "\n")


def recorded():
    with open(os.path.join(shared_dir(), "steps.log")) as f:
        return f.read()
