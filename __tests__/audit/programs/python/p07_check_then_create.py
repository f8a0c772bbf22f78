# Pattern 7: check, then create.
import os
import tempfile


def run():
    name = os.path.join(tempfile.gettempdir(), "settings.ini")
    if not os.path.exists(name):
        with open(name, "w") as out:  # audit: insecure-creation, check-then-open
            out.write("defaults")
    os.unlink(name)
