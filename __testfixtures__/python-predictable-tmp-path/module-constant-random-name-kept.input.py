import os
import random
import string
import tempfile

# A marker file the server discloses later; the test harness reads the path as server.READ_FILE.
READ_FILE = os.path.join(tempfile.gettempdir(), "%s.txt" % "".join(random.choice(string.ascii_lowercase) for _ in range(12)))
try:
    with open(READ_FILE, "w") as _f:
        _f.write("marker\n")
except (IOError, OSError):
    pass


def handler():
    return "file://" + READ_FILE
