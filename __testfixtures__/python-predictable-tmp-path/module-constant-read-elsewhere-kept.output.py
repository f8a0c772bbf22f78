import os
import random
import string
import tempfile

# A marker file the server discloses later; the test harness reads the path as server.READ_FILE.
private_dir = tempfile.mkdtemp()
READ_FILE = os.path.join(private_dir, "%s.txt" % "".join(random.choice(string.ascii_lowercase) for _ in range(12)))
try:
    with os.fdopen(os.open(READ_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as _f:
        _f.write("marker\n")
except (IOError, OSError):
    pass

